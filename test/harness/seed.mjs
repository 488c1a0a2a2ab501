// Puts known state into moto for the e2e tier and the sandbox, through the real AWS SDK.
import { ECSClient, CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ECRClient, CreateRepositoryCommand } from '@aws-sdk/client-ecr';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';

import { createRequire } from 'node:module';

// The ECS seeding helpers are TypeScript (shared with the integration tests): use their compiled form.
const require = createRequire(import.meta.url);
const ecsSeed = () => require('../../out/test/support/ecsSeed.js');

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const cfg = (endpoint, region) => ({ endpoint, region, credentials, maxAttempts: 1 });

async function reset(endpoint) {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}

/**
 * e2e: clusters "alpha" (service "web" with 2 tasks, service "worker" scaled to zero, one
 * standalone task) and "beta" (service "web" logging to /ecs/web-e2e) in us-east-1, "gamma" in eu-west-1.
 */
export async function seedE2E(endpoint) {
  await reset(endpoint);
  const seed = ecsSeed();
  await seed.holdTasksRunning(endpoint);
  const { ecs, ec2, destroy } = seed.seedClients({ endpoint, region: 'us-east-1' });
  try {
    for (const name of ['beta', 'alpha']) await seed.createCluster(ecs, name);
    const network = await seed.defaultNetwork(ec2);
    const td = await seed.registerTaskDefinition(ecs, 'web');
    await seed.seedService(ecs, network, { cluster: 'alpha', service: 'web', taskDefinition: td, tasks: 2 });
    await seed.seedService(ecs, network, { cluster: 'alpha', service: 'worker', taskDefinition: td, tasks: 0 });
    await seed.runTasks(ecs, network, { cluster: 'alpha', taskDefinition: td, count: 1 });
  } finally {
    destroy();
  }
  const eu = new ECSClient(cfg(endpoint, 'eu-west-1'));
  await eu.send(new CreateClusterCommand({ clusterName: 'gamma' }));
  eu.destroy();
  const east = new ECSClient(cfg(endpoint, 'us-east-1'));
  const logs = new CloudWatchLogsClient(cfg(endpoint, 'us-east-1'));
  try {
    await seedWebService(east, logs, 'beta', 'us-east-1');
  } finally {
    east.destroy();
    logs.destroy();
  }
}

/** The stream ECS would name for container "backend" of task E2E_TASK_ID (prefix "backend"). */
export const E2E_LOG_GROUP = '/ecs/web-e2e';
export const E2E_TASK_ID = '3f2a1c9d8e7f4a6b9c0d1e2f3a4b5c6d';
export const E2E_STREAM = `backend/backend/${E2E_TASK_ID}`;

/**
 * A service "web" with awslogs containers and a few lines in the stream of one of its tasks.
 * No task is started (the tree counts running tasks); moto never starts a service's tasks, so
 * Follow Logs finds the stream by the task definition's prefix.
 */
async function seedWebService(ecs, logs, cluster, region) {
  const awslogs = (prefix) => ({
    logDriver: 'awslogs',
    options: { 'awslogs-group': E2E_LOG_GROUP, 'awslogs-region': region, 'awslogs-stream-prefix': prefix },
  });
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web-e2e',
      containerDefinitions: [
        { name: 'backend', image: 'busybox', memory: 256, logConfiguration: awslogs('backend') },
        { name: 'mongodb', image: 'mongo:7', memory: 512, logConfiguration: awslogs('mongodb') },
      ],
    }),
  );
  await ecs.send(new CreateServiceCommand({ cluster, serviceName: 'web', taskDefinition: 'web-e2e', desiredCount: 1, launchType: 'FARGATE' }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: E2E_LOG_GROUP }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: E2E_LOG_GROUP, logStreamName: E2E_STREAM }));
  const now = Date.now();
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: E2E_LOG_GROUP,
      logStreamName: E2E_STREAM,
      logEvents: ['Server starting', 'Connected to mongodb://localhost:27017/app', 'Listening on port 3000'].map((message, i) => ({
        timestamp: now - 60000 + i * 1000,
        message,
      })),
    }),
  );
}

/**
 * The sandbox's demo account: cluster "demo", service "web" (backend + mongodb) with a running
 * task, the ECR repository its backend image comes from, and a minute of log lines (timestamped
 * now: Follow Logs starts with the last few minutes) in the streams awslogs names for those tasks.
 * The e2e tier seeds it in us-west-2 too (without resetting), so the tree's rows are tested on it.
 */
export async function seedDemo(endpoint, region = 'us-east-1', { reset: fresh = true } = {}) {
  // The e2e tier adds the demo account in a region of its own, beside its other state.
  if (fresh) await reset(endpoint);
  const ecs = new ECSClient(cfg(endpoint, region));
  const ecr = new ECRClient(cfg(endpoint, region));
  const logs = new CloudWatchLogsClient(cfg(endpoint, region));
  try {
    await ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    const repo = await ecr.send(new CreateRepositoryCommand({ repositoryName: 'sample-app-backend' }));
    const repositoryUri = repo.repository.repositoryUri;
    const family = 'sample-app';
    const logGroup = `/ecs/${family}`;
    const awslogs = (prefix) => ({
      logDriver: 'awslogs',
      options: { 'awslogs-group': logGroup, 'awslogs-region': region, 'awslogs-stream-prefix': prefix },
    });
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '512',
        memory: '1024',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        containerDefinitions: [
          {
            name: 'backend',
            // moto's ECR repository URI: Deploy offers the images pushed there.
            image: `${repositoryUri}:latest`,
            essential: true,
            memoryReservation: 256,
            portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp' }],
            environment: [{ name: 'MONGODB_URL', value: 'mongodb://localhost:27017/app' }],
            command: ['node', 'app.js'],
            dependsOn: [{ containerName: 'mongodb', condition: 'START' }],
            logConfiguration: awslogs('backend'),
          },
          {
            name: 'mongodb',
            image: 'mongo:7',
            essential: true,
            memoryReservation: 512,
            portMappings: [{ containerPort: 27017, hostPort: 27017, protocol: 'tcp' }],
            logConfiguration: awslogs('mongodb'),
          },
        ],
      }),
    );
    const seed = ecsSeed();
    await seed.holdTasksRunning(endpoint);
    const { ec2, destroy } = seed.seedClients({ endpoint, region });
    let tasks;
    try {
      const network = await seed.defaultNetwork(ec2);
      // One task: moto reports one running task for every new service (MOTO_ECS_SERVICE_RUNNING=1
      // in the harness), and with more desired it shows the service deploying forever.
      tasks = await seed.seedService(ecs, network, { cluster: 'demo', service: 'web', taskDefinition: family, tasks: 1 });
    } finally {
      destroy();
    }
    // awslogs stream names: prefix/container/taskId, for each task's containers.
    const taskIds = tasks.map((t) => t.taskArn.split('/').pop());
    const streams = { backend: taskIds.map((id) => `backend/backend/${id}`), mongodb: taskIds.map((id) => `mongodb/mongodb/${id}`) };
    await logs.send(new CreateLogGroupCommand({ logGroupName: logGroup }));
    for (const name of [...streams.backend, ...streams.mongodb]) {
      await logs.send(new CreateLogStreamCommand({ logGroupName: logGroup, logStreamName: name }));
    }
    const now = Date.now();
    const put = (stream, messages, start) =>
      logs.send(
        new PutLogEventsCommand({
          logGroupName: logGroup,
          logStreamName: stream,
          logEvents: messages.map((message, i) => ({ timestamp: start + i * 1000, message })),
        }),
      );
    for (const [i, stream] of streams.mongodb.entries()) {
      await put(stream, ['Waiting for connections on port 27017', 'Connection accepted from 127.0.0.1'], now - 62000 + i * 150);
    }
    for (const [i, stream] of streams.backend.entries()) {
      await put(stream, ['Server starting', 'Connected to mongodb://localhost:27017/app', 'Listening on port 3000'], now - 60000 + i * 150);
    }
    return { cluster: 'demo', service: 'web', family, repositoryUri, logGroup, streams };
  } finally {
    ecs.destroy();
    ecr.destroy();
    logs.destroy();
  }
}
