// Puts clusters, services and tasks into moto through the real SDK. moto never starts tasks for
// a service, so its tasks are started with RunTask in the service's group ("service:NAME"),
// which is how ECS marks the tasks a service owns. Used by integration tests, e2e, bench, sandbox.
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type ContainerDefinition,
  type NetworkConfiguration,
  type Task,
} from '@aws-sdk/client-ecs';

export interface SeedTarget {
  readonly endpoint: string;
  readonly region: string;
}

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export function seedClients(t: SeedTarget): { ecs: ECSClient; ec2: EC2Client; destroy(): void } {
  const cfg = { endpoint: t.endpoint, region: t.region, credentials, maxAttempts: 1 };
  const ecs = new ECSClient(cfg);
  const ec2 = new EC2Client(cfg);
  return { ecs, ec2, destroy: () => (ecs.destroy(), ec2.destroy()) };
}

/** Keeps tasks RUNNING: by default moto walks a task toward STOPPED on each DescribeTasks. */
export async function holdTasksRunning(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times: 1000000 } }),
  });
  if (!res.ok) throw new Error(`moto set-transition failed: ${res.status}`);
}

/** awsvpc needs a subnet and a security group of the default VPC (moto refuses RunTask otherwise). */
export async function defaultNetwork(ec2: EC2Client): Promise<NetworkConfiguration> {
  const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
  const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
  if (!subnets[0]?.SubnetId || !groups[0]?.GroupId) throw new Error('moto has no default VPC subnet or security group');
  return { awsvpcConfiguration: { subnets: [subnets[0].SubnetId], securityGroups: [groups[0].GroupId], assignPublicIp: 'ENABLED' } };
}

export const WEB_CONTAINERS: ContainerDefinition[] = [
  { name: 'backend', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend:latest', memoryReservation: 256, essential: true, portMappings: [{ containerPort: 3000 }] },
  { name: 'mongodb', image: 'mongo:7', memoryReservation: 512, essential: true, portMappings: [{ containerPort: 27017 }] },
];

export async function registerTaskDefinition(ecs: ECSClient, family: string, containers = WEB_CONTAINERS): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      containerDefinitions: containers,
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? family;
}

export async function createCluster(ecs: ECSClient, name: string): Promise<void> {
  await ecs.send(new CreateClusterCommand({ clusterName: name }));
}

/** Starts `count` tasks (10 per RunTask call, the API maximum), optionally as a service's tasks. */
export async function runTasks(
  ecs: ECSClient,
  network: NetworkConfiguration,
  opts: { cluster: string; taskDefinition: string; count: number; service?: string },
): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let left = opts.count; left > 0; left -= 10) {
    const out = await ecs.send(
      new RunTaskCommand({
        cluster: opts.cluster,
        taskDefinition: opts.taskDefinition,
        count: Math.min(10, left),
        launchType: 'FARGATE',
        networkConfiguration: network,
        ...(opts.service ? { group: `service:${opts.service}`, startedBy: `ecs-svc/${opts.service}` } : { startedBy: 'ecs-deploy-test' }),
      }),
    );
    tasks.push(...(out.tasks ?? []));
  }
  return tasks;
}

/** A service and the tasks ECS would have started for it. */
export async function seedService(
  ecs: ECSClient,
  network: NetworkConfiguration,
  opts: { cluster: string; service: string; taskDefinition: string; tasks: number },
): Promise<Task[]> {
  await ecs.send(
    new CreateServiceCommand({
      cluster: opts.cluster,
      serviceName: opts.service,
      taskDefinition: opts.taskDefinition,
      desiredCount: opts.tasks,
      launchType: 'FARGATE',
      networkConfiguration: network,
    }),
  );
  return runTasks(ecs, network, { cluster: opts.cluster, taskDefinition: opts.taskDefinition, count: opts.tasks, service: opts.service });
}

/** The benchmark's account: `clusters` × `services` × `tasksPerService`. */
export async function seedLargeAccount(
  t: SeedTarget,
  shape = { clusters: 5, services: 40, tasksPerService: 5 },
): Promise<void> {
  const { ecs, ec2, destroy } = seedClients(t);
  try {
    await holdTasksRunning(t.endpoint);
    const network = await defaultNetwork(ec2);
    const td = await registerTaskDefinition(ecs, 'bench');
    for (let c = 0; c < shape.clusters; c++) {
      const cluster = `bench-${c}`;
      await createCluster(ecs, cluster);
      for (let s = 0; s < shape.services; s++) {
        await seedService(ecs, network, { cluster, service: `svc-${String(s).padStart(2, '0')}`, taskDefinition: td, tasks: shape.tasksPerService });
      }
    }
  } finally {
    destroy();
  }
}
