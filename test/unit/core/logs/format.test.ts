import * as assert from 'node:assert/strict';
import { requireDuration } from '../../../../src/core/duration';
import { formatClock, formatLogLine } from '../../../../src/core/logs/formatLine';
import { LineBuffer, skippedNote } from '../../../../src/core/logs/lineBuffer';
import { mergeByTimestamp } from '../../../../src/core/logs/merge';

const source = { container: 'backend', taskId: '3f2a1c9d8e7f4a6b9c0d1e2f3a4b5c6d' };

describe('log line format', () => {
  const ts = Date.UTC(2026, 0, 2, 12, 3, 4, 120);

  it('HH:MM:SS.mmm <container> <short task id> | <message>, in UTC on request', () => {
    assert.equal(formatLogLine({ timestamp: ts, message: 'GET / 200' }, source, 'utc'), '12:03:04.120 backend 3f2a1c | GET / 200');
  });

  it('local time by default (the reader compares it with their clock)', () => {
    const d = new Date(ts);
    const expected = [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':') + '.120';
    assert.equal(formatClock(ts), expected);
  });

  it('keeps the message as written, " | " included; drops only a trailing line break', () => {
    assert.equal(formatLogLine({ timestamp: ts, message: 'a | b  \n' }, source, 'utc'), '12:03:04.120 backend 3f2a1c | a | b  ');
    assert.equal(formatLogLine({ timestamp: ts + 5, message: '' }, source, 'utc'), '12:03:04.125 backend 3f2a1c | ');
  });
});

describe('requireDuration (--since)', () => {
  it('reads seconds, minutes, hours, days', () => {
    assert.equal(requireDuration('90s'), 90_000);
    assert.equal(requireDuration('10m'), 600_000);
    assert.equal(requireDuration('1h'), 3_600_000);
    assert.equal(requireDuration('2d'), 172_800_000);
  });

  it('refuses anything else with a message that shows the accepted forms', () => {
    for (const bad of ['10', 'm', '1.5h', '-5m', '0s', '10 minutes', '']) {
      assert.throws(() => requireDuration(bad), /like 90s, 10m, 1h/, bad);
    }
  });
});

describe('mergeByTimestamp', () => {
  it('interleaves sorted lists of several streams in timestamp order, ties in list order', () => {
    const a = [{ timestamp: 1, id: 'a1' }, { timestamp: 4, id: 'a4' }, { timestamp: 4, id: 'a4b' }];
    const b = [{ timestamp: 2, id: 'b2' }, { timestamp: 4, id: 'b4' }];
    const c = [{ timestamp: 0, id: 'c0' }];
    assert.deepEqual(mergeByTimestamp([a, b, [], c]).map((e) => e.id), ['c0', 'a1', 'b2', 'a4', 'a4b', 'b4']);
  });
});

describe('LineBuffer (bounded backlog of a channel)', () => {
  it('keeps everything under the bound', () => {
    const b = new LineBuffer(5);
    b.push(['1', '2']);
    b.push(['3']);
    assert.deepEqual(b.take(), { lines: ['1', '2', '3'], skipped: 0 });
    assert.deepEqual(b.take(), { lines: [], skipped: 0 });
  });

  it('a burst over the bound keeps the newest lines and counts the skipped ones', () => {
    const b = new LineBuffer(3);
    b.push(['1', '2']);
    b.push(['3', '4', '5', '6']);
    assert.deepEqual(b.take(), { lines: ['4', '5', '6'], skipped: 3 });
  });

  it('takes a burst of 200,000 lines in one push', () => {
    const b = new LineBuffer(1000);
    b.push(Array.from({ length: 200_000 }, (_, i) => String(i)));
    const { lines, skipped } = b.take();
    assert.equal(lines.length, 1000);
    assert.equal(lines[0], '199000');
    assert.equal(skipped, 199_000);
    assert.match(skippedNote(skipped, 'ecsDeploy.logs.maxBacklogLines'), /skipped 199000 lines/);
  });
});
