import * as assert from 'node:assert/strict';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { silentLogger } from '../../../src/core/logger';
import type { LogEvent } from '../../../src/core/logs/logEvent';
import { LogGroupPoller } from '../../../src/flows/logs/logGroupPoller';

/**
 * Live Tail cannot run against moto (500 NotImplemented), so the poller's use of it is checked
 * with a StartLiveTail response stream of the real API's shapes: sessionStart, sessionUpdate
 * with sessionResults, then a SessionTimeoutException (the 3-hour end). After that session the
 * poller starts another one; when it cannot, it falls back to FilterLogEvents.
 */
function fakeClients() {
  const sent: string[] = [];
  const send = async (cmd: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = cmd.constructor.name;
    sent.push(name);
    if (name === 'DescribeLogGroupsCommand') return { logGroups: [{ logGroupName: '/ecs/x', logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/x' }] };
    if (name === 'FilterLogEventsCommand') return { events: [{ eventId: 'f1', timestamp: Date.now(), logStreamName: 'p/c/t', message: 'polled' }] };
    if (name === 'StartLiveTailCommand' && sent.filter((s) => s === name).length === 1) {
      assert.deepEqual(cmd.input.logGroupIdentifiers, ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/x']);
      assert.deepEqual(cmd.input.logStreamNames, ['p/c/t']);
      const ts = Date.now();
      return {
        responseStream: (async function* () {
          yield { sessionStart: { sessionId: 's1', logGroupIdentifiers: ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/x'] } };
          yield {
            sessionUpdate: {
              sessionMetadata: { sampled: false },
              sessionResults: [
                { logStreamName: 'p/c/t', logGroupIdentifier: 'x', timestamp: ts, ingestionTime: ts + 5, message: 'live 1' },
                { logStreamName: 'other/c/t', logGroupIdentifier: 'x', timestamp: ts, ingestionTime: ts + 5, message: 'not ours' },
                { logStreamName: 'p/c/t', logGroupIdentifier: 'x', timestamp: ts, ingestionTime: ts + 6, message: 'live 2' },
              ],
            },
          };
          yield { SessionTimeoutException: { message: 'Session timed out after 3 hours' } };
        })(),
      };
    }
    throw Object.assign(new Error('NotImplemented'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
  };
  return { client: { send } as unknown as CloudWatchLogsClient, sent };
}

describe('LogGroupPoller with Live Tail (recorded StartLiveTail stream)', () => {
  it('shows a session\'s events for its streams, and falls back to polling when a new session cannot start', async function () {
    this.timeout(10000);
    const { client, sent } = fakeClients();
    const info: string[] = [];
    const poller = new LogGroupPoller('/ecs/x', { logs: client, liveTailLogs: client, log: { ...silentLogger, info: (m) => info.push(m) }, policy: { activeMs: 50, quietMaxMs: 100, throttleMs: 100, throttleMaxMs: 200 } }, true);
    const shown: LogEvent[] = [];
    poller.add({ streams: new Set(['p/c/t']), onEvents: (ev) => shown.push(...ev), onProblem: () => undefined });
    const deadline = Date.now() + 5000;
    while (!shown.some((e) => e.message === 'polled') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    poller.stop();
    await poller.done;
    assert.deepEqual(shown.map((e) => e.message), ['live 1', 'live 2', 'polled']);
    assert.match(info[0], /following with Live Tail/);
    assert.match(info[1], /Live Tail is not available here .*polling FilterLogEvents instead/);
    assert.deepEqual(sent.slice(0, 4), ['DescribeLogGroupsCommand', 'StartLiveTailCommand', 'DescribeLogGroupsCommand', 'StartLiveTailCommand']);
  });
});
