import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { formatStats, startFaultProxy, type FaultProxy } from '../../harness/faultProxy';
import { baseImage, motoEndpoint, resetMoto } from '../env';
import { DUMMY_AWS_ENV, REPO_ROOT, runCliAsync } from './runCli';

// `up` and `down` on a bad day: 30% of calls throttled (CloudFormation's and EC2's query-protocol
// shapes too), 5% of connections dropped before forwarding. The outcome must be the fault-free
// one: one stack, created once, the URL printed; then deleted.
describe('ecs-deploy up / down under throttling and dropped connections (fault proxy)', function () {
  this.timeout(300_000);
  let proxy: FaultProxy;
  let cfn: CloudFormationClient;
  before(async () => {
    await resetMoto();
    proxy = await startFaultProxy(motoEndpoint());
    cfn = new CloudFormationClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  });
  after(async () => {
    await proxy.close();
    cfn.destroy();
  });

  it('up creates exactly one stack and prints its URL; down deletes it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faulty-'));
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sample-app'), dir, { recursive: true });
    const env = { ...process.env, ...DUMMY_AWS_ENV, AWS_REGION: 'us-east-1' };
    proxy.resetStats();
    proxy.setPlan({ throttle: 0.3, drop: 0.05, seed: 7 });
    const up = await runCliAsync(['up', '--yes', '--cluster', 'faulty', '--service', 'sample-app', '--port', 'backend:3000', '--image', `backend=${baseImage()}`, '--endpoint', proxy.url], { env, cwd: dir, timeoutMs: 240_000 });
    const upStats = formatStats(proxy.stats);
    assert.equal(up.code, 0, `${up.stderr}\n${upStats}`);
    assert.match(up.stdout.trim().split('\n').at(-1) ?? '', /^http:\/\/\S+elb\.amazonaws\.com$/);
    const stacks = (await cfn.send(new ListStacksCommand({}))).StackSummaries?.filter((s) => s.StackName === 'ecs-deploy-faulty-sample-app' && s.StackStatus !== 'DELETE_COMPLETE') ?? [];
    assert.equal(stacks.length, 1, 'exactly one stack');
    assert.ok(proxy.stats.throttled + proxy.stats.dropped > 0, `faults were injected: ${upStats}`);

    proxy.resetStats();
    const down = await runCliAsync(['down', '--yes', '--cluster', 'faulty', '--service', 'sample-app', '--endpoint', proxy.url], { env, cwd: dir, timeoutMs: 240_000 });
    assert.equal(down.code, 0, `${down.stderr}\n${formatStats(proxy.stats)}`);
    await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: 'ecs-deploy-faulty-sample-app' })), /does not exist/);
    console.log(`      up: ${upStats}; down: ${formatStats(proxy.stats)}`);
  });
});
