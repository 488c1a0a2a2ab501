import * as assert from 'node:assert/strict';
import type { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { silentLogger } from '../../../src/core/logger';
import type { LogEvent } from '../../../src/core/logs/logEvent';
import { LogGroupPoller } from '../../../src/flows/logs/logGroupPoller';

/**
 * CloudWatch cannot be made to throttle here (moto never does), so this replays a response
 * sequence of the real FilterLogEvents shapes: a ThrottlingException, then a burst of one
 * millisecond split over two pages by nextToken, then the same millisecond again.
 */
type Reply = { error: string } | { events: Array<{ eventId: string; timestamp: number; logStreamName: string; message: string }>; nextToken?: string };

function replay(replies: Reply[]) {
  const calls: Array<{ at: number; input: FilterLogEventsCommand['input'] }> = [];
  const client = {
    send: async (cmd: FilterLogEventsCommand) => {
      calls.push({ at: Date.now(), input: cmd.input });
      const r = replies.shift() ?? { events: [] };
      if ('error' in r) throw Object.assign(new Error('Rate exceeded'), { name: r.error, $metadata: { httpStatusCode: 400 } });
      return r;
    },
  } as unknown as CloudWatchLogsClient;
  return { client, calls };
}

const e = (id: string, ts: number) => ({ eventId: id, timestamp: ts, logStreamName: 'p/c/t', message: id });

describe('LogGroupPoller with a recorded FilterLogEvents sequence', () => {
  it('backs off hard after ThrottlingException, pages by nextToken, shows a split millisecond once', async function () {
    this.timeout(10000);
    // A second ahead of the poller's own start, so a clock tick between the two cannot put the
    // start after the events.
    const T = Date.now() + 1000;
    const { client, calls } = replay([
      { error: 'ThrottlingException' },
      { events: [e('1', T), e('2', T)], nextToken: 'tok' },
      { events: [e('3', T)] },
      { events: [e('2', T), e('3', T), e('4', T)] },
    ]);
    const shown: LogEvent[] = [];
    const poller = new LogGroupPoller('/ecs/x', {
      logs: client,
      log: silentLogger,
      lookbackMs: 0,
      policy: { activeMs: 50, quietMaxMs: 100, throttleMs: 400, throttleMaxMs: 800 },
    });
    poller.add({ streams: new Set(['p/c/t']), onEvents: (ev) => shown.push(...ev), onProblem: () => undefined });
    const deadline = Date.now() + 5000;
    while (shown.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    poller.stop();
    await poller.done;
    assert.deepEqual(shown.map((x) => x.eventId), ['1', '2', '3', '4']);
    assert.ok(calls[1].at - calls[0].at >= 390, `waited ${calls[1].at - calls[0].at} ms after the throttle`);
    assert.equal(calls[2].input.nextToken, 'tok');
    assert.ok(calls[2].at - calls[1].at >= 45, 'pages keep the least gap between calls');
    assert.equal(calls[3].input.startTime, T, 'the next poll starts at the newest millisecond seen, not after it');
    assert.deepEqual(calls[0].input.logStreamNames, ['p/c/t']);
  });
});
