import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LogCursor } from '../../../../src/core/logs/cursor';
import type { LogEvent } from '../../../../src/core/logs/logEvent';

const ev = (eventId: string, timestamp: number, logStreamName = 'app/web/t1'): LogEvent => ({ eventId, timestamp, message: `m${eventId}`, logStreamName });

/**
 * A stand-in for FilterLogEvents' semantics over a growing store: events with timestamp ≥
 * startTime, in timestamp order, cut into pages of `limit` (the real API pages the same way).
 */
function filterPages(store: readonly LogEvent[], startTime: number, limit: number): LogEvent[][] {
  const hits = store.filter((e) => e.timestamp >= startTime).sort((a, b) => a.timestamp - b.timestamp);
  const pages: LogEvent[][] = [];
  for (let i = 0; i < hits.length; i += limit) pages.push(hits.slice(i, i + limit));
  return pages;
}

describe('LogCursor (next startTime = newest seen, dedupe by eventId)', () => {
  it('starts at the initial startTime and then at the newest timestamp seen, not newest + 1', () => {
    const c = new LogCursor(1000);
    assert.equal(c.startTime, 1000);
    c.accept([ev('a', 1500), ev('b', 1700)]);
    assert.equal(c.startTime, 1700);
  });

  it('drops events of the newest millisecond seen before, keeps new ones of the same millisecond', () => {
    const c = new LogCursor(0);
    assert.deepEqual(c.accept([ev('a', 5), ev('b', 7)]).map((e) => e.eventId), ['a', 'b']);
    // The next call starts at 7 and returns b again plus c, written later in the same ms.
    assert.deepEqual(c.accept([ev('b', 7), ev('c', 7), ev('d', 8)]).map((e) => e.eventId), ['c', 'd']);
    assert.equal(c.remembered, 1, 'only ids of the newest millisecond are kept without lookback');
  });

  it('with a lookback, a late event of another stream with an older timestamp is still shown once', () => {
    const c = new LogCursor(0, 3000);
    c.accept([ev('a', 10_000, 's1')]);
    assert.equal(c.startTime, 7000);
    const late = ev('late', 9000, 's2');
    assert.deepEqual(c.accept([late, ev('a', 10_000, 's1')]).map((e) => e.eventId), ['late']);
    assert.deepEqual(c.accept([late, ev('a', 10_000, 's1')]), []);
  });

  it('returns fresh events sorted by timestamp, stable within a millisecond', () => {
    const c = new LogCursor(0);
    const out = c.accept([ev('x', 3, 's2'), ev('y', 1, 's1'), ev('z', 3, 's1')]);
    assert.deepEqual(out.map((e) => e.eventId), ['y', 'x', 'z']);
  });

  it('a burst of one millisecond cut across pages and polls: nothing lost, nothing repeated', () => {
    // 25 events in ms 100 (pages of 10), the poll stops after 2 pages; 5 more land in ms 100 later.
    const store: LogEvent[] = [ev('early', 99)];
    for (let i = 0; i < 25; i++) store.push(ev(`b${i}`, 100));
    const c = new LogCursor(0);
    const shown: string[] = [];
    for (const page of filterPages(store, c.startTime, 10).slice(0, 2)) shown.push(...c.accept(page).map((e) => e.eventId));
    for (let i = 25; i < 30; i++) store.push(ev(`b${i}`, 100));
    for (const page of filterPages(store, c.startTime, 10)) shown.push(...c.accept(page).map((e) => e.eventId));
    assert.deepEqual(shown, ['early', ...Array.from({ length: 30 }, (_, i) => `b${i}`)]);
  });

  it('property: any interleaving of writes, page sizes and poll cut-offs shows every event exactly once', () => {
    fc.assert(
      fc.property(
        // Each step writes a few events at a non-decreasing clock (many share a ms), then polls.
        fc.array(fc.record({ writes: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 30 }), limit: fc.integer({ min: 1, max: 7 }), pages: fc.integer({ min: 1, max: 4 }) }), {
          maxLength: 25,
        }),
        (steps) => {
          const store: LogEvent[] = [];
          const c = new LogCursor(0);
          const shown: string[] = [];
          let clock = 0;
          let id = 0;
          for (const step of steps) {
            for (const dt of step.writes) {
              clock += dt;
              store.push(ev(String(id++), clock, `s${id % 3}`));
            }
            for (const page of filterPages(store, c.startTime, step.limit).slice(0, step.pages)) shown.push(...c.accept(page).map((e) => e.eventId));
          }
          // Drain: poll until nothing new.
          for (let guard = 0; guard < 1000; guard++) {
            const before = shown.length;
            for (const page of filterPages(store, c.startTime, 5)) shown.push(...c.accept(page).map((e) => e.eventId));
            if (shown.length === before) break;
          }
          assert.equal(new Set(shown).size, shown.length, 'no duplicates');
          assert.deepEqual([...shown].sort(), store.map((e) => e.eventId).sort(), 'none missing');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('LogCursor edge: events older than the initial start', () => {
  it('are remembered like any other, so a second delivery is dropped', () => {
    const c = new LogCursor(1000);
    assert.deepEqual(c.accept([ev('old', 900)]).map((e) => e.eventId), ['old']);
    assert.deepEqual(c.accept([ev('old', 900)]), []);
    assert.equal(c.startTime, 1000);
  });
});
