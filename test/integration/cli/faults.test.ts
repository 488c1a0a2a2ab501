import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CreateClusterCommand, ListTaskDefinitionsCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import type { InputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { describeService } from '../../../src/aws/services';
import { formatStats, startFaultProxy, type FaultPlan, type FaultProxy } from '../../harness/faultProxy';
import { createCluster, defaultNetwork, holdTasksRunning, registerTaskDefinition, seedClients, seedService } from '../../support/ecsSeed';
import { authRegistry, baseImage, motoEndpoint, resetMoto } from '../env';
import { ecrClient, makeContext, registryTags } from '../image/imageHelpers';
import { clients as logClients, put, seedShopWithTask, until } from '../logs/seedService';
import { CLI_PATH, DUMMY_AWS_ENV, runCliAsync } from './runCli';

// The CLI through a proxy in front of moto that throttles 30% of calls (with the real error shapes)
// and drops 5% of connections before forwarding, for a short throttled period (CI cannot spend a
// minute per case; the mechanism is the same). The outcomes must equal the fault-free ones.
const BAD_DAY: FaultPlan = { throttle: 0.3, drop: 0.05, periodMs: 15_000 };
const env = () => ({ ...process.env, ...DUMMY_AWS_ENV, TZ: 'UTC', AWS_REGION: 'us-east-1' });
const via = (endpoint: string, args: string[], timeoutMs = 150_000) => runCliAsync([...args, '--endpoint', endpoint], { env: env(), timeoutMs });

/** The figures of every case, printed at the end for the record. */
const figures: string[] = [];

describe('the CLI under throttling and dropped connections (fault proxy)', function () {
  this.timeout(240_000);
  let proxy: FaultProxy;
  let seed = 100;

  before(async () => {
    proxy = await startFaultProxy(motoEndpoint());
  });
  after(async () => {
    await proxy.close();
    console.log(`      fault figures:\n${figures.map((f) => `        ${f}`).join('\n')}`);
  });

  /** Faults for this case from now on, with a fresh seed and fresh counters. */
  const badDay = (extra: FaultPlan = {}) => {
    proxy.resetStats();
    proxy.setPlan({ ...BAD_DAY, seed: ++seed, ...extra });
  };
  const record = (what: string, outcome: string) => figures.push(`${what}: ${formatStats(proxy.stats)} → ${outcome}`);

  it('clusters: the fault-free answer, three runs out of three', async () => {
    await resetMoto();
    const { ecs, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    for (const name of ['alpha', 'beta', 'gamma']) await ecs.send(new CreateClusterCommand({ clusterName: name }));
    destroy();
    const clean = await via(motoEndpoint(), ['clusters', '--json']);
    assert.equal(clean.code, 0, clean.stderr);
    // Some answers also come late (well within the deadline): they are waited for, not retried.
    badDay({ periodMs: undefined, slow: 0.2, slowMs: 2000 });
    for (let run = 1; run <= 3; run++) {
      const r = await via(proxy.url, ['clusters', '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, clean.stdout);
      assert.equal(r.stderr, '', 'nothing but our own lines on stderr');
    }
    assert.ok(proxy.stats.throttled + proxy.stats.dropped > 0, `faults were injected: ${formatStats(proxy.stats)}`);
    assert.ok(proxy.stats.slowed > 0, formatStats(proxy.stats));
    record('clusters ×3', 'same JSON as without faults, 3 of 3');
  });

  describe('deploy and rollback', () => {
    let ecs: ECSClient;
    let destroy: () => void;
    const tdArn = (rev: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${rev}`;
    const revisions = async () => (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns ?? [];

    beforeEach(async () => {
      await resetMoto();
      await holdTasksRunning(motoEndpoint());
      ({ ecs, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' }));
      const { ec2 } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
      const network = await defaultNetwork(ec2);
      ec2.destroy();
      await createCluster(ecs, 'prod');
      const td = await registerTaskDefinition(ecs, 'web');
      await seedService(ecs, network, { cluster: 'prod', service: 'web', taskDefinition: td, tasks: 1 });
    });
    afterEach(() => destroy());

    it('deploy --image: exactly one new revision, the service on it; rollback: back without registering', async () => {
      badDay();
      const image = `123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend@sha256:${'cd'.repeat(32)}`;
      const r = await via(proxy.url, ['deploy', '--cluster', 'prod', '--service', 'web', '--image', `backend=${image}`]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim().split('\n').at(-1), tdArn(2));
      assert.deepEqual(await revisions(), [tdArn(1), tdArn(2)], 'exactly one new revision');
      assert.equal((await describeService(ecs, 'prod', 'web'))?.taskDefinition, tdArn(2));
      record('deploy --image', 'exit 0, one new revision (web:2), service on web:2');

      badDay();
      const back = await via(proxy.url, ['rollback', '--cluster', 'prod', '--service', 'web', '--revision', '1']);
      assert.equal(back.code, 0, back.stderr);
      assert.equal(back.stdout.trim().split('\n').at(-1), tdArn(1));
      assert.deepEqual(await revisions(), [tdArn(1), tdArn(2)], 'rollback registered nothing');
      assert.equal((await describeService(ecs, 'prod', 'web'))?.taskDefinition, tdArn(1));
      record('rollback --revision 1', 'exit 0, no new revision, service on web:1');
    });

    it('deploy --force: a new deployment of the same revision, nothing registered', async () => {
      badDay();
      const r = await via(proxy.url, ['deploy', '--cluster', 'prod', '--service', 'web', '--force']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim().split('\n').at(-1), tdArn(1));
      assert.deepEqual(await revisions(), [tdArn(1)]);
      record('deploy --force', 'exit 0, no new revision, service on web:1');
    });

    it('RegisterTaskDefinition whose answer is lost after it ran: still exactly one new revision', async () => {
      badDay({ loseAnswer: 1, loseAnswerOf: (op) => op === 'ECS.RegisterTaskDefinition' });
      const r = await via(proxy.url, ['deploy', '--cluster', 'prod', '--service', 'web', '--image', 'backend=web:v2']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(proxy.stats.answersLost >= 1, formatStats(proxy.stats));
      assert.deepEqual(await revisions(), [tdArn(1), tdArn(2)], 'the lost call was found, not repeated');
      assert.equal((await describeService(ecs, 'prod', 'web'))?.taskDefinition, tdArn(2));
      record('deploy, RegisterTaskDefinition answers lost', 'exit 0, one new revision (web:2), service on web:2');
    });
  });

  describe('logs', () => {
    let c: ReturnType<typeof logClients>;
    let task: string;
    const messages = (stdout: string) => stdout.trimEnd().split('\n').filter(Boolean).map((l) => l.slice(l.indexOf(' | ') + 3));

    beforeEach(async () => {
      ({ c, task } = await seedShopWithTask());
    });
    afterEach(() => c.dispose());

    it('logs --since: 2,000 events, none lost or repeated', async () => {
      const t0 = Date.now() - 5 * 60_000;
      for (const [i, stream] of [`shop/api/${task}`, `shop/worker/${task}`].entries()) {
        // Several events share each millisecond: the ones naive followers lose.
        const events: InputLogEvent[] = Array.from({ length: 1000 }, (_, k) => ({ timestamp: t0 + Math.floor(k / 4) * 10, message: `since-${i}-${String(k).padStart(4, '0')}` }));
        await put(c.logs, stream, events);
      }
      const clean = await via(motoEndpoint(), ['logs', '--cluster', 'shop', '--service', 'web', '--since', '10m']);
      assert.equal(clean.code, 0, clean.stderr);
      assert.equal(messages(clean.stdout).length, 2000);
      badDay({ periodMs: undefined });
      const r = await via(proxy.url, ['logs', '--cluster', 'shop', '--service', 'web', '--since', '10m']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, clean.stdout, 'the same lines in the same order');
      assert.equal(new Set(messages(r.stdout)).size, 2000);
      record('logs --since (2,000 events)', '2,000 lines, none lost or repeated, same as without faults');
    });

    it('logs --follow: 1,500 events written while following, none lost or repeated', async function () {
      this.timeout(180_000);
      badDay({ periodMs: undefined });
      const child = spawn(process.execPath, [CLI_PATH, 'logs', '--cluster', 'shop', '--service', 'web', '--since', '1m', '--follow', '--endpoint', proxy.url], { env: env() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      await put(c.logs, `shop/api/${task}`, [{ timestamp: Date.now(), message: 'ready' }]);
      await until('the first line', () => stdout.includes('| ready\n'), 60_000);
      const expected: string[] = [];
      for (let batch = 0; batch < 15; batch++) {
        const now = Date.now();
        for (const [i, stream] of [`shop/api/${task}`, `shop/worker/${task}`].entries()) {
          const events = Array.from({ length: 50 }, (_, k) => ({ timestamp: now + Math.floor(k / 5), message: `follow-${batch}-${i}-${k}` }));
          expected.push(...events.map((e) => e.message));
          await put(c.logs, stream, events);
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      const followed = () => messages(stdout).filter((m) => m.startsWith('follow-'));
      await until('all 1,500 events', () => followed().length >= 1500, 90_000).catch(() => undefined);
      // A little longer: a repeat would show now.
      await new Promise((r) => setTimeout(r, 3000));
      child.kill('SIGINT');
      assert.equal(await exited, 0, stderr);
      const seen = followed();
      assert.equal(seen.length, 1500, `${seen.length} lines; stderr: ${stderr.slice(-500)}`);
      assert.deepEqual([...seen].sort(), [...expected].sort(), 'every event exactly once');
      assert.doesNotMatch(stderr, /ECONNRESET|socket hang up|ThrottlingException|\n\s+at /);
      record('logs --follow (1,500 events)', '1,500 lines, none lost or repeated');
    });
  });

  it("build-push --context DIR: DIR/Dockerfile built, ECR's part through the faults", async () => {
    await resetMoto();
    const dir = makeContext({ 'app/Dockerfile': `FROM ${baseImage()}\nRUN echo built > /built\n`, 'app/x.txt': 'x' });
    const repo = `faulty-${seed}`;
    // build-push makes only a few ECR calls: more of them fail, so the case is never fault-free.
    badDay({ periodMs: undefined, throttle: 0.6 });
    const r = await runCliAsync(['build-push', '--context', 'app', '--repository', repo, '--tag', 'v1', '--endpoint', proxy.url, '--ecr-registry-address', authRegistry()], {
      env: env(),
      cwd: dir,
      timeoutMs: 150_000,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`/${repo}@sha256:[0-9a-f]{64}\\n$`));
    assert.deepEqual(await registryTags(repo), ['v1']);
    const ecr = ecrClient();
    const found = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [repo] }));
    ecr.destroy();
    assert.equal(found.repositories?.length, 1, 'the repository was created once');
    assert.ok(proxy.stats.throttled + proxy.stats.dropped > 0, `faults were injected: ${formatStats(proxy.stats)}`);
    record('build-push --context app', 'exit 0, app/Dockerfile built, pushed, repository created');
  });
});

describe('the CLI against an endpoint that never answers (black hole)', function () {
  this.timeout(120_000);

  it('every command ends with exit 1 and one sentence within 60 s', async () => {
    const hole = await startFaultProxy(motoEndpoint(), { blackHole: true });
    try {
      const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\n` });
      const commands: Record<string, string[]> = {
        clusters: ['clusters'],
        deploy: ['deploy', '--cluster', 'prod', '--service', 'web', '--image', 'backend=web:v2'],
        rollback: ['rollback', '--cluster', 'prod', '--service', 'web', '--revision', '1'],
        logs: ['logs', '--cluster', 'shop', '--service', 'web'],
        'logs --follow': ['logs', '--cluster', 'shop', '--service', 'web', '--follow'],
        'build-push': ['build-push', '--repository', 'hole', '--ecr-registry-address', authRegistry()],
      };
      // All at once: each waits out the same deadline.
      const runs = await Promise.all(
        Object.entries(commands).map(async ([name, args]) => [name, await runCliAsync([...args, '--endpoint', hole.url], { env: env(), cwd: dir, timeoutMs: 90_000 })] as const),
      );
      const sentence = `ecs-deploy: error: No answer from ${hole.url} in 30 s — is it reachable?`;
      for (const [name, r] of runs) {
        figures.push(`black hole, ${name}: exit ${r.code} after ${(r.elapsedMs / 1000).toFixed(1)} s`);
        assert.equal(r.code, 1, `${name}: ${r.stderr}`);
        assert.ok(r.stderr.trimEnd().split('\n').includes(sentence), `${name}: ${r.stderr}`);
        assert.ok(r.elapsedMs < 60_000, `${name} took ${r.elapsedMs} ms`);
        assert.doesNotMatch(r.stderr, /TimeoutError|ETIMEDOUT|node-http-handler|\n\s+at /, name);
      }
      console.log(`      ${figures.filter((f) => f.startsWith('black hole')).join('\n      ')}`);
    } finally {
      await hole.close();
    }
  });
});
