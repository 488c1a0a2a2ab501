import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { crashLogLines } from '../../../src/flows/rolloutLogs';
import { seedClients } from '../../support/ecsSeed';
import { motoEndpoint, resetMoto, testCredentials } from '../env';

describe('the last log lines of a crashed container, for the rollout watcher', () => {
  it('reads the awslogs stream of that task and container and keeps only the messages', async () => {
    await resetMoto();
    const { ecs, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    const logs = new CloudWatchLogsClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: testCredentials, maxAttempts: 1 });
    try {
      const group = '/ecs/crashy';
      const td = await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'crashy',
          containerDefinitions: [
            {
              name: 'backend',
              image: 'web:1',
              memory: 256,
              logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' } },
            },
          ],
        }),
      );
      const taskId = 'feedfacecafebeef0123456789abcdef';
      await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: `app/backend/${taskId}` }));
      const now = Date.now();
      const messages = ['starting', 'connecting to mongodb://localhost:27017', 'Error: connect ECONNREFUSED 127.0.0.1:27017', '    at TCPConnectWrap.afterConnect'];
      await logs.send(
        new PutLogEventsCommand({ logGroupName: group, logStreamName: `app/backend/${taskId}`, logEvents: messages.map((message, i) => ({ timestamp: now - 5000 + i, message })) }),
      );
      const read = crashLogLines({ ecs, logs }, td.taskDefinition!.taskDefinitionArn!, 3);
      const lines = await read(`arn:aws:ecs:us-east-1:123456789012:task/prod/${taskId}`, 'backend');
      assert.deepEqual(lines, messages.slice(1));
    } finally {
      destroy();
      logs.destroy();
    }
  });
});
