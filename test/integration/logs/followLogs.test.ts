import * as assert from 'node:assert/strict';
import { AwsClients } from '../../../src/aws/clients';
import { awsClientConfig } from '../../../src/aws/clientConfig';
import { formatLogLine } from '../../../src/core/logs/formatLine';
import { silentLogger, type Logger } from '../../../src/core/logger';
import { UserError } from '../../../src/core/userError';
import { followServiceLogs, type FollowedLine } from '../../../src/flows/followLogs';
import { LogPollerHub } from '../../../src/flows/logs/pollerHub';
import { motoEndpoint, testCredentials } from '../env';
import { clients, createStream, put, REGION, seedShopWithTask, startTask, until } from './seedService';

const FAST = { activeMs: 200, quietMaxMs: 400, throttleMs: 1000, throttleMaxMs: 2000 };

function collector() {
  const lines: FollowedLine[] = [];
  const notices: string[] = [];
  return { lines, notices, sink: { lines: (b: FollowedLine[]) => lines.push(...b), notice: (m: string) => notices.push(m) } };
}

describe('followServiceLogs against moto', () => {
  let c: ReturnType<typeof clients>;
  let task: string;
  const t0 = Date.now() - 120_000;

  before(async () => {
    ({ c, task } = await seedShopWithTask());
    await startTask(c.ecs, 'family:shop'); // not the service's: its logs must not show
    await put(c.logs, `shop/api/${task}`, [
      { timestamp: t0, message: 'api up' },
      { timestamp: t0 + 20, message: 'GET / | 200' },
    ]);
    await put(c.logs, `shop/worker/${task}`, [{ timestamp: t0 + 10, message: 'worker up' }]);
  });
  after(() => c.dispose());

  const deps = (hub?: LogPollerHub, log: Logger = silentLogger) => ({ ecs: c.ecs, logs: c.logs, log, hub, policy: FAST, lookbackMs: 1000 });

  it('prints the backlog of every awslogs container of the service in timestamp order, and says which container has no awslogs', async () => {
    const out = collector();
    await followServiceLogs(deps(), { target: { cluster: 'shop', service: 'web' }, sinceMs: 10 * 60_000, follow: false, timeZone: 'utc' }, out.sink, new AbortController().signal);
    const src = (container: string) => ({ container, taskId: task });
    assert.deepEqual(
      out.lines.map((l) => l.text),
      [
        formatLogLine({ timestamp: t0, message: 'api up' }, src('api'), 'utc'),
        formatLogLine({ timestamp: t0 + 10, message: 'worker up' }, src('worker'), 'utc'),
        formatLogLine({ timestamp: t0 + 20, message: 'GET / | 200' }, src('api'), 'utc'),
      ],
    );
    assert.match(out.lines[2].text, new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} api ${task.slice(0, 6)} \\| GET / \\| 200$`));
    assert.equal(out.notices.length, 1);
    assert.match(out.notices[0], /Container "sidecar" of .*shop:1 has no log configuration.*awslogs/);
  });

  it('--container narrows to one container; --since leaves older lines out', async () => {
    const out = collector();
    await followServiceLogs(deps(), { target: { cluster: 'shop', service: 'web', container: 'worker' }, sinceMs: 10 * 60_000, follow: false }, out.sink, new AbortController().signal);
    assert.deepEqual(out.lines.map((l) => l.event.message), ['worker up']);
    const recent = collector();
    await followServiceLogs(deps(), { target: { cluster: 'shop', service: 'web' }, sinceMs: 30_000, follow: false }, recent.sink, new AbortController().signal);
    assert.deepEqual(recent.lines, []);
  });

  it('a service or container that does not exist is a UserError that says so', async () => {
    const run = (target: { cluster: string; service: string; container?: string }) =>
      followServiceLogs(deps(), { target, sinceMs: 60_000, follow: false }, collector().sink, new AbortController().signal);
    await assert.rejects(run({ cluster: 'shop', service: 'nope' }), (e: unknown) => e instanceof UserError && /Service "nope" was not found in cluster "shop"/.test(e.message));
    await assert.rejects(run({ cluster: 'nowhere', service: 'web' }), (e: unknown) => e instanceof UserError && /Cluster "nowhere" was not found/.test(e.message));
    await assert.rejects(run({ cluster: 'shop', service: 'web', container: 'db' }), (e: unknown) => e instanceof UserError && /no container "db" — its containers are: api, worker, sidecar/.test(e.message));
    await assert.rejects(run({ cluster: 'shop', service: 'web', container: 'sidecar' }), (e: unknown) => e instanceof UserError && /"sidecar" .*has no log configuration/.test(e.message));
  });

  it('follows: new lines (bursts in one millisecond, across streams) appear once each; a task started meanwhile is picked up with its first lines', async function () {
    this.timeout(40000);
    const hub = new LogPollerHub();
    const a = collector();
    const b = collector();
    const ac = new AbortController();
    const opts = { target: { cluster: 'shop', service: 'web' }, sinceMs: 10 * 60_000, follow: true, refreshMs: 500 };
    const runs = [followServiceLogs(deps(hub), opts, a.sink, ac.signal), followServiceLogs(deps(hub), { ...opts, target: { ...opts.target, container: 'api' } }, b.sink, ac.signal)];
    await until('backlogs', () => a.lines.length === 3 && b.lines.length === 2);
    assert.equal(hub.active.length, 1, 'two followers of one group share one poller');
    const written: string[] = [];
    for (let round = 0; round < 5; round++) {
      const ts = Date.now();
      for (const container of ['api', 'worker']) {
        const msgs = Array.from({ length: 40 }, (_, i) => `${container} r${round} #${i}`);
        written.push(...msgs);
        await put(c.logs, `shop/${container}/${task}`, msgs.map((message) => ({ timestamp: ts, message })));
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    // A deployment starts a new task; it logs before the follower has seen it.
    const newTask = await startTask(c.ecs);
    await createStream(c.logs, `shop/api/${newTask}`);
    await put(c.logs, `shop/api/${newTask}`, [{ timestamp: Date.now(), message: 'new task booting' }]);
    written.push('new task booting');
    const shownA = () => a.lines.slice(3).map((l) => l.event.message);
    await until('every written line', () => shownA().length >= written.length, 20000);
    await new Promise((r) => setTimeout(r, 1000)); // duplicates would arrive by now
    assert.deepEqual([...shownA()].sort(), [...written].sort(), 'each line exactly once');
    const booting = a.lines.find((l) => l.event.message === 'new task booting')!;
    assert.equal(booting.source.taskId, newTask);
    assert.deepEqual(b.lines.slice(2).map((l) => l.source.container).filter((x) => x !== 'api'), [], '--container api shows only api');
    assert.equal(b.lines.length - 2, written.filter((m) => m.startsWith('api') || m === 'new task booting').length);
    ac.abort();
    await Promise.all(runs);
    assert.equal(hub.active.length, 0, 'the poller stops with its last follower');
  });

  it('with Live Tail allowed, an endpoint without it (moto: 500) falls back to polling cleanly', async function () {
    this.timeout(20000);
    const logged: string[] = [];
    const log = { ...silentLogger, info: (m: string) => logged.push(m) };
    // The extension's client for Live Tail: with a custom endpoint it turns the host prefix off.
    const conn = { region: REGION, endpoint: motoEndpoint() };
    const aws = new AwsClients(conn, awsClientConfig(conn, { credentials: testCredentials, maxAttempts: 1 }));
    const liveTailLogs = aws.logsStreaming;
    const out = collector();
    const ac = new AbortController();
    const run = followServiceLogs({ ...deps(undefined, log), liveTailLogs }, { target: { cluster: 'shop', service: 'web', container: 'worker' }, sinceMs: 60_000, follow: true, useLiveTail: true }, out.sink, ac.signal);
    await until('fallback', () => logged.some((m) => /Live Tail is not available here .*polling FilterLogEvents instead/.test(m)));
    assert.ok(!logged.some((m) => /following with Live Tail|Cancelled/.test(m)), logged.join('\n'));
    await put(c.logs, `shop/worker/${task}`, [{ timestamp: Date.now(), message: 'after fallback' }]);
    await until('the line', () => out.lines.some((l) => l.event.message === 'after fallback'));
    ac.abort();
    await run;
    aws.dispose();
  });
});
