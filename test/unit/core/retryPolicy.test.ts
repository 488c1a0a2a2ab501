import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { backoffMs, DEFAULT_RETRY_POLICY, nextRetryDelay, type FailureKind } from '../../../src/core/retryPolicy';

/** Plays a call that keeps failing the same way; returns the attempts made and the time spent waiting. */
function keepFailing(kind: FailureKind, random: () => number, maxAttempts?: number): { attempts: number; waitedMs: number } {
  let attempts = 1;
  let waitedMs = 0;
  for (;;) {
    const delay = nextRetryDelay(kind, { attempts, elapsedMs: waitedMs, maxAttempts }, DEFAULT_RETRY_POLICY, random);
    if (delay === undefined) return { attempts, waitedMs };
    waitedMs += delay;
    attempts++;
  }
}

describe('retry policy', () => {
  it('rides out throttling for its whole budget instead of stopping after 3 attempts', () => {
    for (const random of [() => 0, () => 0.5, () => 0.999]) {
      const { attempts, waitedMs } = keepFailing('throttling', random);
      assert.ok(attempts > 8, `only ${attempts} attempts`);
      assert.ok(waitedMs <= DEFAULT_RETRY_POLICY.throttlingBudgetMs, `waited ${waitedMs} ms`);
      // Stops only when the next wait would cross the budget.
      assert.ok(waitedMs > DEFAULT_RETRY_POLICY.throttlingBudgetMs - DEFAULT_RETRY_POLICY.throttlingCapMs, `gave up early after ${waitedMs} ms`);
    }
  });

  it('backs off exponentially with jitter, never beyond the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempts, r) => {
        const d = backoffMs(attempts, 500, 10_000, () => r);
        const step = Math.min(10_000, 500 * 2 ** (attempts - 1));
        return d >= step / 2 - 1 && d <= step + 1;
      }),
    );
    assert.ok(backoffMs(3, 500, 10_000, () => 0) > backoffMs(1, 500, 10_000, () => 0.999));
  });

  it('two callers throttled together wait different times', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const waits = new Set(Array.from({ length: 10 }, () => nextRetryDelay('throttling', { attempts: 3, elapsedMs: 0 }, DEFAULT_RETRY_POLICY, random)));
    assert.ok(waits.size > 5);
  });

  it('honours the service asking for a longer wait', () => {
    assert.equal(nextRetryDelay('throttling', { attempts: 1, elapsedMs: 0, retryAfterMs: 7000 }, DEFAULT_RETRY_POLICY, () => 0), 7000);
  });

  it('transient failures are retried a few times, then reported', () => {
    const { attempts, waitedMs } = keepFailing('transient', () => 0.999);
    assert.equal(attempts, DEFAULT_RETRY_POLICY.transientAttempts);
    assert.ok(waitedMs < 10_000, `a failing connection is reported after ${waitedMs} ms`);
  });

  it('a deadline, an unknown outcome and a final error are never retried', () => {
    for (const kind of ['timeout', 'outcomeUnknown', 'final'] as const) {
      assert.equal(nextRetryDelay(kind, { attempts: 1, elapsedMs: 0 }), undefined, kind);
    }
  });

  it('a caller limit of one attempt means no retry at all', () => {
    assert.equal(keepFailing('throttling', Math.random, 1).attempts, 1);
    assert.equal(keepFailing('transient', Math.random, 2).attempts, 2);
  });
});
