import * as assert from 'node:assert/strict';
import { delayForSpacing, PollInterval, DEFAULT_POLL_POLICY } from '../../../../src/core/logs/pollInterval';

describe('PollInterval (adaptive wait between FilterLogEvents polls)', () => {
  it('stays at ≈1 s while lines flow', () => {
    const p = new PollInterval();
    assert.deepEqual([p.next('events'), p.next('events'), p.next('events')], [1000, 1000, 1000]);
  });

  it('backs off when quiet, capped, and snaps back when lines flow again', () => {
    const p = new PollInterval();
    const waits = Array.from({ length: 8 }, () => p.next('empty'));
    assert.deepEqual(waits, [1500, 2250, 3375, 5000, 5000, 5000, 5000, 5000]);
    assert.equal(p.next('events'), 1000);
  });

  it('backs off hard on ThrottlingException, doubling up to a minute, until a poll succeeds', () => {
    const p = new PollInterval();
    const waits = Array.from({ length: 6 }, () => p.next('throttled'));
    assert.deepEqual(waits, [5000, 10000, 20000, 40000, 60000, 60000]);
    assert.equal(p.next('empty'), 5000, 'a quiet poll after throttling keeps a long wait, then shrinks from there');
    assert.equal(p.next('throttled'), 5000, 'the doubling starts again after a success');
  });

  it('other errors double the wait up to twice the quiet maximum', () => {
    const p = new PollInterval();
    assert.deepEqual([p.next('error'), p.next('error'), p.next('error'), p.next('error'), p.next('error')], [2000, 4000, 8000, 10000, 10000]);
  });

  it('the least gap between calls keeps a group at ≤ 60 calls a minute, pages included', () => {
    assert.equal(delayForSpacing(undefined, 5000, DEFAULT_POLL_POLICY.activeMs), 0);
    assert.equal(delayForSpacing(5000, 5300, 1000), 700);
    assert.equal(delayForSpacing(5000, 7000, 1000), 0);
  });
});
