import * as assert from 'node:assert/strict';
import { chunk } from '../../../src/core/chunk';
import { isRegionId } from '../../../src/core/regions';

describe('chunk', () => {
  it('splits into batches of at most the size, keeping order', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 100), []);
    assert.equal(chunk(Array.from({ length: 250 }, (_, i) => i), 100).map((b) => b.length).join(','), '100,100,50');
  });

  it('refuses a size below one', () => {
    assert.throws(() => chunk([1], 0), RangeError);
  });
});

describe('isRegionId', () => {
  it('accepts region ids, refuses names and typos', () => {
    for (const ok of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'ap-southeast-4']) assert.ok(isRegionId(ok), ok);
    for (const bad of ['Europe (Ireland)', 'useast1', 'us-east', 'eu-west-1 ', '']) assert.ok(!isRegionId(bad), bad);
  });
});
