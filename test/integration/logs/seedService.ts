import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type InputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { motoEndpoint, resetMoto, testCredentials } from '../env';
import { holdTasksRunning as holdMotoTasksRunning } from '../../support/ecsSeed';

export const REGION = 'us-east-1';
export const GROUP = '/ecs/shop';

export function clients(): { ecs: ECSClient; logs: CloudWatchLogsClient; dispose(): void } {
  const cfg = { endpoint: motoEndpoint(), region: REGION, credentials: testCredentials, maxAttempts: 1 };
  const ecs = new ECSClient(cfg);
  const logs = new CloudWatchLogsClient(cfg);
  return { ecs, logs, dispose: () => (ecs.destroy(), logs.destroy()) };
}

/** Keeps tasks RUNNING: moto otherwise walks a task toward STOPPED on every DescribeTasks. */
export const holdTasksRunning = (): Promise<void> => holdMotoTasksRunning(motoEndpoint());

/**
 * Cluster "shop", service "web" whose task definition has "api" and "worker" logging with
 * awslogs to /ecs/shop and "sidecar" without awslogs. Moto never starts a service's tasks, so
 * tasks are started with RunTask in the service's group, as ECS does.
 */
export async function seedShop(ecs: ECSClient, logs: CloudWatchLogsClient): Promise<{ taskDefinitionArn: string }> {
  await ecs.send(new CreateClusterCommand({ clusterName: 'shop' }));
  const awslogs = (prefix: string) => ({
    logDriver: 'awslogs' as const,
    options: { 'awslogs-group': GROUP, 'awslogs-region': REGION, 'awslogs-stream-prefix': prefix },
  });
  const td = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'shop',
      containerDefinitions: [
        { name: 'api', image: 'busybox', memory: 128, logConfiguration: awslogs('shop') },
        { name: 'worker', image: 'busybox', memory: 128, logConfiguration: awslogs('shop') },
        { name: 'sidecar', image: 'busybox', memory: 64 },
      ],
    }),
  );
  await ecs.send(new CreateServiceCommand({ cluster: 'shop', serviceName: 'web', taskDefinition: 'shop', desiredCount: 1, launchType: 'FARGATE' }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  return { taskDefinitionArn: td.taskDefinition!.taskDefinitionArn! };
}

/** Starts a task of the service the way ECS would (group "service:web"); returns its id. */
export async function startTask(ecs: ECSClient, group = 'service:web'): Promise<string> {
  const out = await ecs.send(new RunTaskCommand({ cluster: 'shop', taskDefinition: 'shop', launchType: 'FARGATE', group, startedBy: 'ecs-svc/1234' }));
  const arn = out.tasks![0].taskArn!;
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** A fresh moto with the shop seeded, one running task of web, and that task's api and worker streams. */
export async function seedShopWithTask(): Promise<{ c: ReturnType<typeof clients>; task: string }> {
  await resetMoto();
  await holdTasksRunning();
  const c = clients();
  await seedShop(c.ecs, c.logs);
  const task = await startTask(c.ecs);
  for (const s of [`shop/api/${task}`, `shop/worker/${task}`]) await createStream(c.logs, s);
  return { c, task };
}

export async function createStream(logs: CloudWatchLogsClient, name: string): Promise<void> {
  await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: name }));
}

export async function put(logs: CloudWatchLogsClient, stream: string, events: InputLogEvent[]): Promise<void> {
  await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, logEvents: events }));
}

export const until = async (what: string, check: () => boolean, timeoutMs = 15000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
