import * as assert from 'node:assert/strict';
import type { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { silentLogger } from '../../../src/core/logger';
import type { LogEvent } from '../../../src/core/logs/logEvent';
import { LogGroupPoller } from '../../../src/flows/logs/logGroupPoller';

/**
 * CloudWatch cannot be made to throttle here (moto never does), so this replays a response
 * sequence of the real FilterLogEvents shapes: a ThrottlingException, then a burst of one
 * millisecond split over two pages by nextToken, then the same millisecond again. The poller
 * runs on a fake clock: its waits move the clock, so the gaps between calls are exact.
 */
type Reply = { error: string } | { events: Array<{ eventId: string; timestamp: number; logStreamName: string; message: string }>; nextToken?: string };

const T = 1_764_000_000_000;
const POLICY = { activeMs: 50, quietMaxMs: 100, throttleMs: 400, throttleMaxMs: 800 };

function fakeClock(start: number) {
  let t = start;
  return {
    now: () => t,
    /** Moves the clock by the wait; yields so the poller's loop is not one synchronous spin. */
    sleep: async (ms: number) => {
      t += Math.max(0, ms);
      await new Promise((r) => setImmediate(r));
    },
  };
}

const e = (id: string, ts: number) => ({ eventId: id, timestamp: ts, logStreamName: 'p/c/t', message: id });

/** Runs the poller over the replies until it has shown `want` events; returns the calls and what it showed. */
async function run(replies: Reply[], want: number) {
  const clock = fakeClock(T);
  const calls: Array<{ at: number; input: FilterLogEventsCommand['input'] }> = [];
  const client = {
    send: async (cmd: FilterLogEventsCommand) => {
      calls.push({ at: clock.now(), input: cmd.input });
      const r = replies.shift() ?? { events: [] };
      if ('error' in r) throw Object.assign(new Error('Rate exceeded'), { name: r.error, $metadata: { httpStatusCode: 400 } });
      return r;
    },
  } as unknown as CloudWatchLogsClient;
  const shown: LogEvent[] = [];
  const poller = new LogGroupPoller('/ecs/x', { logs: client, log: silentLogger, lookbackMs: 0, policy: POLICY, now: clock.now, sleep: clock.sleep });
  await new Promise<void>((resolve) => {
    poller.add({
      streams: new Set(['p/c/t']),
      onEvents: (ev) => {
        shown.push(...ev);
        if (shown.length >= want) resolve();
      },
      onProblem: () => undefined,
    });
  });
  poller.stop();
  await poller.done;
  return { calls, shown };
}

describe('LogGroupPoller with a recorded FilterLogEvents sequence', () => {
  const sequence = (): Reply[] => [
    { error: 'ThrottlingException' },
    { events: [e('1', T + 100), e('2', T + 100)], nextToken: 'tok' },
    { events: [e('3', T + 100)] },
    { events: [e('2', T + 100), e('3', T + 100), e('4', T + 100)] },
  ];

  it('asks for its streams by name', async () => {
    const { calls } = await run(sequence(), 4);
    assert.deepEqual(calls[0].input.logStreamNames, ['p/c/t']);
  });

  it('backs off the throttle wait after ThrottlingException', async () => {
    const { calls } = await run(sequence(), 4);
    assert.equal(calls[1].at - calls[0].at, POLICY.throttleMs);
  });

  it('follows nextToken, keeping the least gap between page calls', async () => {
    const { calls } = await run(sequence(), 4);
    assert.equal(calls[2].input.nextToken, 'tok');
    assert.equal(calls[2].at - calls[1].at, POLICY.activeMs);
  });

  it('starts the next poll at the newest millisecond seen, not after it', async () => {
    const { calls } = await run(sequence(), 4);
    assert.equal(calls[3].input.startTime, T + 100);
  });

  it('shows each event of a millisecond split over polls once', async () => {
    const { shown } = await run(sequence(), 4);
    assert.deepEqual(shown.map((x) => x.eventId), ['1', '2', '3', '4']);
  });
});
