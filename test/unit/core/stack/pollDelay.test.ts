import * as assert from 'node:assert/strict';
import { stackPollInterval, STACK_POLL_POLICY } from '../../../../src/core/stack/pollDelay';

describe('stack poll delay', () => {
  it('backs off from 5 s to 30 s while nothing happens, back to 5 s when events appear', () => {
    const p = stackPollInterval();
    const quiet = Array.from({ length: 8 }, () => p.next('empty'));
    assert.deepEqual(quiet, [7500, 11250, 16875, 25313, 30000, 30000, 30000, 30000]);
    assert.equal(p.next('events'), STACK_POLL_POLICY.activeMs);
    assert.equal(p.next('events'), 5000);
  });

  it('stays within the waiters\' 5–30 s range when throttled', () => {
    const p = stackPollInterval();
    const waits = Array.from({ length: 5 }, () => p.next('throttled'));
    assert.deepEqual(waits, [10000, 20000, 30000, 30000, 30000]);
    assert.ok(waits.every((w) => w >= 5000 && w <= 30000));
  });

  it('each follow starts afresh', () => {
    const a = stackPollInterval();
    a.next('empty');
    a.next('empty');
    assert.equal(stackPollInterval().next('empty'), 7500);
  });
});
