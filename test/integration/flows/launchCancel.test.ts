import * as assert from 'node:assert/strict';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { AwsClients } from '../../../src/aws/clients';
import { awsClientConfig } from '../../../src/aws/clientConfig';
import { silentLogger } from '../../../src/core/logger';
import { launchApp, type LaunchPreview } from '../../../src/flows/stack/launchApp';
import { motoEndpoint, resetMoto, testCredentials } from '../env';

const SAMPLE = path.resolve(__dirname, '../../../../test/fixtures/sample-app');
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend@sha256:${'b'.repeat(64)}`;

describe('Launch: Cancel before the change set runs leaves nothing behind', function () {
  this.timeout(60000);
  let clients: AwsClients;
  const aws = () => ({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: testCredentials, maxAttempts: 1 });
  before(async () => {
    await resetMoto();
    const conn = { region: 'us-east-1', endpoint: motoEndpoint() };
    clients = new AwsClients(conn, awsClientConfig(conn, { credentials: testCredentials }));
  });
  after(() => clients.dispose());

  const request = (confirm: (p: LaunchPreview) => Promise<boolean>) => ({
    compose: { cwd: SAMPLE, processEnv: {}, options: { region: 'us-east-1' } },
    launch: { port: 'backend:3000', cluster: 'cancelled' },
    images: { backend: IMAGE },
    timeoutMs: 60000,
    confirm,
  });

  it('Cancel on the preview: declined, no stack (not even REVIEW_IN_PROGRESS), no change made', async () => {
    let seen: LaunchPreview | undefined;
    const result = await launchApp(request(async (p) => ((seen = p), false)), { clients, log: silentLogger, progress: { report: () => undefined }, signal: new AbortController().signal });
    assert.equal(result.outcome, 'declined');
    assert.ok(seen && seen.changes.length > 10, 'the preview had the change set to show');
    const cfn = new CloudFormationClient(aws());
    try {
      await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: result.stackName })), /does not exist/);
    } finally {
      cfn.destroy();
    }
  });

  it('the signal fires while the preview is shown: nothing is created either', async () => {
    const controller = new AbortController();
    await assert.rejects(
      launchApp(request(async () => (controller.abort(), true)), { clients, log: silentLogger, progress: { report: () => undefined }, signal: controller.signal }),
      (err: Error) => err.name === 'AbortError',
    );
    const cfn = new CloudFormationClient(aws());
    try {
      await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: 'ecs-deploy-cancelled-sample-app' })), /does not exist/);
    } finally {
      cfn.destroy();
    }
  });
});
