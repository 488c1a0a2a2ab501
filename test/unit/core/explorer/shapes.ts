// Responses shaped like the real ECS API (DescribeServices / DescribeTasks in the API reference),
// including states moto cannot produce: rollouts, circuit-breaker failures, crashed tasks.
import type { Deployment, Service, Task } from '@aws-sdk/client-ecs';

const ACCOUNT = '123456789012';
export const CLUSTER_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/prod`;
const td = (rev: number) => `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:${rev}`;

export function deployment(over: Partial<Deployment>): Deployment {
  return {
    id: 'ecs-svc/1111111111111111111',
    status: 'PRIMARY',
    taskDefinition: td(7),
    desiredCount: 2,
    pendingCount: 0,
    runningCount: 2,
    failedTasks: 0,
    createdAt: new Date('2026-11-24T10:00:00Z'),
    updatedAt: new Date('2026-11-24T10:05:00Z'),
    launchType: 'FARGATE',
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment ecs-svc/1111111111111111111 completed.',
    ...over,
  };
}

export function service(over: Partial<Service>): Service {
  return {
    serviceArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/prod/web`,
    serviceName: 'web',
    clusterArn: CLUSTER_ARN,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    launchType: 'FARGATE',
    taskDefinition: td(7),
    deployments: [deployment({})],
    events: [
      { id: 'e2', createdAt: new Date('2026-11-24T10:05:00Z'), message: '(service web) has reached a steady state.' },
      { id: 'e1', createdAt: new Date('2026-11-24T10:04:00Z'), message: '(service web) has started 2 tasks: (task 3f2a1c9d) (task 9b8c7d6e).' },
    ],
    ...over,
  };
}

/** A rolling update: the new revision PRIMARY and IN_PROGRESS, the old one ACTIVE and draining. */
export const rollingService = service({
  runningCount: 3,
  pendingCount: 1,
  taskDefinition: td(8),
  deployments: [
    deployment({ id: 'ecs-svc/2222', taskDefinition: td(8), runningCount: 1, pendingCount: 1, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment ecs-svc/2222 in progress.' }),
    deployment({ id: 'ecs-svc/1111', status: 'ACTIVE', runningCount: 2, rolloutState: 'COMPLETED' }),
  ],
});

/** The deployment circuit breaker gave up on revision 9. */
export const failedService = service({
  runningCount: 2,
  taskDefinition: td(9),
  deployments: [
    deployment({
      id: 'ecs-svc/3333',
      taskDefinition: td(9),
      runningCount: 0,
      failedTasks: 4,
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    }),
    deployment({ id: 'ecs-svc/1111', status: 'ACTIVE' }),
  ],
});

export function task(over: Partial<Task>): Task {
  return {
    taskArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/3f2a1c9d0e8b4a7f9c6d5e4f3a2b1c0d`,
    clusterArn: CLUSTER_ARN,
    taskDefinitionArn: td(7),
    group: 'service:web',
    startedBy: 'ecs-svc/1111111111111111111',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    launchType: 'FARGATE',
    createdAt: new Date('2026-11-24T10:01:00Z'),
    startedAt: new Date('2026-11-24T10:02:00Z'),
    attachments: [
      {
        id: 'a1',
        type: 'ElasticNetworkInterface',
        status: 'ATTACHED',
        details: [
          { name: 'subnetId', value: 'subnet-0abc' },
          { name: 'networkInterfaceId', value: 'eni-0abc' },
          { name: 'privateIPv4Address', value: '10.0.1.23' },
        ],
      },
    ],
    containers: [
      {
        name: 'backend',
        image: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/sample-app-backend@sha256:4e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7`,
        lastStatus: 'RUNNING',
        healthStatus: 'HEALTHY',
      },
      { name: 'mongodb', image: 'mongo:7', lastStatus: 'RUNNING', healthStatus: 'UNKNOWN' },
    ],
    ...over,
  };
}

/** A task whose essential container crashed: what ECS reports after exit code 1. */
export const crashedTask = task({
  taskArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/prod/9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e`,
  lastStatus: 'STOPPED',
  desiredStatus: 'STOPPED',
  healthStatus: 'UNKNOWN',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  stoppedAt: new Date('2026-11-24T10:30:00Z'),
  containers: [
    { name: 'backend', image: 'web:latest', lastStatus: 'STOPPED', exitCode: 1, reason: undefined },
    { name: 'mongodb', image: 'mongo:7', lastStatus: 'STOPPED', exitCode: 0 },
  ],
});
