import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { formatLogLine } from '../../../src/core/logs/formatLine';
import { motoEndpoint } from '../env';
import { clients, put, seedShopWithTask, until } from '../logs/seedService';
import { CLI_PATH, DUMMY_AWS_ENV, runCli } from './runCli';

const env = () => ({ ...process.env, ...DUMMY_AWS_ENV, TZ: 'UTC', ECS_DEPLOY_ENDPOINT: motoEndpoint(), AWS_REGION: 'us-east-1' });
const LINE = /^\d\d:\d\d:\d\d\.\d{3} (api|worker) [0-9a-f-]{6} \| .*$/;

const ecsDeploy = (args: string[]) => runCli(args, { env: env() });

describe('ecs-deploy logs (the CLI contract)', () => {
  let c: ReturnType<typeof clients>;
  let task: string;
  // Taken when the suite starts, not when the file loads: earlier suites may run for minutes.
  let t0: number;

  before(async () => {
    t0 = Date.now() - 60_000;
    ({ c, task } = await seedShopWithTask());
    await put(c.logs, `shop/api/${task}`, [
      { timestamp: t0, message: 'api up' },
      { timestamp: t0 + 5, message: 'a | b | c' },
    ]);
    await put(c.logs, `shop/worker/${task}`, [{ timestamp: t0 + 5, message: 'worker up' }]);
  });
  after(() => c.dispose());

  it('prints one event per line on stdout, in timestamp order, and only that; diagnostics on stderr', () => {
    const r = ecsDeploy(['logs', '--cluster', 'shop', '--service', 'web', '--since', '10m']);
    assert.equal(r.code, 0, r.stderr);
    const src = (container: string) => ({ container, taskId: task });
    assert.equal(
      r.stdout,
      [
        formatLogLine({ timestamp: t0, message: 'api up' }, src('api'), 'utc'),
        formatLogLine({ timestamp: t0 + 5, message: 'a | b | c' }, src('api'), 'utc'),
        formatLogLine({ timestamp: t0 + 5, message: 'worker up' }, src('worker'), 'utc'),
        '',
      ].join('\n'),
    );
    // The message is everything after the first " | ", unchanged.
    const second = r.stdout.split('\n')[1];
    assert.equal(second.slice(second.indexOf(' | ') + 3), 'a | b | c');
    assert.match(r.stderr, /warning: Container "sidecar" .* has no log configuration/);
  });

  it('--container and a short --since', () => {
    const r = ecsDeploy(['logs', '--cluster', 'shop', '--service', 'web', '--container', 'worker', '--since', '90s']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.replace(/^.* \| /, '')), ['worker up']);
    const none = ecsDeploy(['logs', '--cluster', 'shop', '--service', 'web', '--since', '5s']);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /No log lines of service "web" in the last 5s/);
  });

  it('--follow prints new lines as they come and exits 0 on Ctrl-C (SIGINT)', async function () {
    this.timeout(30000);
    const child = spawn(process.execPath, [CLI_PATH, 'logs', '--cluster', 'shop', '--service', 'web', '--since', '10m', '--follow'], { env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await until('the backlog', () => stdout.split('\n').length > 3, 15000);
    await put(c.logs, `shop/worker/${task}`, [{ timestamp: Date.now(), message: 'live line' }]);
    await until('the live line', () => stdout.includes('| live line\n'), 15000);
    child.kill('SIGINT');
    assert.equal(await exited, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    for (const l of lines) assert.match(l, LINE);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('usage errors exit 2; a missing service exits 1 with one clear line', () => {
    const noService = ecsDeploy(['logs', '--cluster', 'shop']);
    assert.equal(noService.code, 2);
    assert.match(noService.stderr, /logs needs --service/);
    const badSince = ecsDeploy(['logs', '--cluster', 'shop', '--service', 'web', '--since', '10 minutes']);
    assert.equal(badSince.code, 2);
    assert.match(badSince.stderr, /--since: "10 minutes" is not a duration — write a whole number and a unit, like 90s, 10m, 1h or 2d/);
    const missing = ecsDeploy(['logs', '--cluster', 'shop', '--service', 'nope']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^ecs-deploy: error: Service "nope" was not found in cluster "shop" — check the service name$/m);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
  });
});
