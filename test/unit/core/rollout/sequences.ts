// Poll sequences shaped like the real DescribeServices / DescribeTasks responses of a rolling
// deployment (ECS API reference: Deployment, ServiceEvent, Task), for states moto never reaches.
import type { Deployment, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';

export const NEW = 'ecs-svc/5555555555555555555';
export const OLD = 'ecs-svc/4444444444444444444';
export const START = new Date('2026-11-24T12:00:00Z');
const td = (rev: number) => `arn:aws:ecs:eu-west-1:123456789012:task-definition/web:${rev}`;

export const at = (s: number) => new Date(START.getTime() + s * 1000);

export function dep(id: string, over: Partial<Deployment>): Deployment {
  return {
    id,
    status: id === NEW ? 'PRIMARY' : 'ACTIVE',
    taskDefinition: td(id === NEW ? 8 : 7),
    desiredCount: 2,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: id === NEW ? 'IN_PROGRESS' : 'COMPLETED',
    ...over,
  };
}

export function svc(deployments: Deployment[], events: ServiceEvent[] = []): Service {
  return { serviceName: 'web', status: 'ACTIVE', desiredCount: 2, deployments, events };
}

let n = 0;
export function ev(s: number, message: string, id?: string): ServiceEvent {
  return { id: id ?? `ev-${s}-${n++}`, createdAt: at(s), message };
}

export function runningTask(id: string, over: Partial<Task> = {}): Task {
  return {
    taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`,
    startedBy: NEW,
    group: 'service:web',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    containers: [{ name: 'backend', lastStatus: 'RUNNING', healthStatus: 'HEALTHY' }],
    ...over,
  };
}

export function crashed(id: string, s: number, over: Partial<Task> = {}): Task {
  return {
    taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`,
    startedBy: NEW,
    group: 'service:web',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    stoppedAt: at(s),
    containers: [
      { name: 'backend', lastStatus: 'STOPPED', exitCode: 1 },
      { name: 'mongodb', lastStatus: 'STOPPED', exitCode: 0 },
    ],
    ...over,
  };
}
