import * as assert from 'node:assert/strict';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { awsClientConfig } from '../../../src/aws/clientConfig';
import { describeAwsError } from '../../../src/core/awsErrors';
import { startFaultProxy, type FaultProxy } from '../../harness/faultProxy';
import { motoEndpoint, resetMoto, testCredentials } from '../env';

const failure = (p: Promise<unknown>) => p.then(() => assert.fail('the call succeeded'), (e: unknown) => e as Error & { $metadata?: { httpStatusCode?: number } });

/** The proxy the CLI fault tests stand on: its faults must look to the SDK as AWS's do. */
describe('the fault proxy', () => {
  let proxy: FaultProxy;
  before(async () => {
    await resetMoto();
    proxy = await startFaultProxy(motoEndpoint());
  });
  after(() => proxy.close());

  const sdk = { region: 'us-east-1', credentials: testCredentials, maxAttempts: 1 };

  it('throttles in the shapes of the JSON, query and EC2 protocols, which the SDK reads as throttling', async () => {
    proxy.setPlan({ throttle: 1 });
    const ecs = new ECSClient({ ...sdk, endpoint: proxy.url });
    const cfn = new CloudFormationClient({ ...sdk, endpoint: proxy.url });
    const ec2 = new EC2Client({ ...sdk, endpoint: proxy.url });
    try {
      const cases = [
        { err: await failure(ecs.send(new ListClustersCommand({}))), name: 'ThrottlingException', status: 400 },
        { err: await failure(cfn.send(new DescribeStacksCommand({}))), name: 'Throttling', status: 400 },
        { err: await failure(ec2.send(new DescribeVpcsCommand({}))), name: 'RequestLimitExceeded', status: 503 },
      ];
      for (const c of cases) {
        assert.equal(c.err.name, c.name);
        assert.equal(c.err.$metadata?.httpStatusCode, c.status);
        assert.equal(c.err.message, c.name === 'RequestLimitExceeded' ? 'Request limit exceeded.' : 'Rate exceeded');
        assert.equal(describeAwsError(c.err).kind, 'throttling', c.name);
      }
      assert.deepEqual(proxy.stats.byOperation, { 'ECS.ListClusters': 1, 'CloudFormation.DescribeStacks': 1, 'EC2.DescribeVpcs': 1 });
    } finally {
      ecs.destroy();
      cfn.destroy();
      ec2.destroy();
    }
  });

  it('drops a connection before forwarding: the call never reaches moto', async () => {
    proxy.setPlan({ drop: 1 });
    const ecs = new ECSClient({ ...sdk, endpoint: proxy.url });
    const direct = new ECSClient({ ...sdk, endpoint: motoEndpoint() });
    try {
      const err = await failure(ecs.send(new CreateClusterCommand({ clusterName: 'never' })));
      assert.equal((err as { code?: string }).code, 'ECONNRESET');
      assert.deepEqual((await direct.send(new ListClustersCommand({}))).clusterArns, []);
    } finally {
      ecs.destroy();
      direct.destroy();
    }
  });

  it('the same seed gives the same faults', async () => {
    const run = async () => {
      proxy.resetStats();
      proxy.setPlan({ throttle: 0.5, seed: 42 });
      const ecs = new ECSClient({ ...sdk, endpoint: proxy.url });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) outcomes.push(await ecs.send(new ListClustersCommand({})).then(() => 'ok', (e: Error) => e.name));
      ecs.destroy();
      return outcomes;
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    assert.ok(first.includes('ok') && first.includes('ThrottlingException'), first.join(' '));
  });

  it("a throttled period ends; our clients ride it out (a CloudFormation call too: the lead's stack flows use the query protocol)", async () => {
    proxy.setPlan({ throttle: 1, periodMs: 3000 });
    const conn = { region: 'us-east-1', endpoint: proxy.url };
    const cfn = new CloudFormationClient(awsClientConfig(conn, { credentials: testCredentials }));
    const started = Date.now();
    try {
      const out = await cfn.send(new DescribeStacksCommand({}));
      assert.deepEqual(out.Stacks ?? [], []);
      assert.ok(Date.now() - started >= 3000, 'it waited for the period to end');
    } finally {
      cfn.destroy();
    }
  });
});
