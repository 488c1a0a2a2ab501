import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { chunk } from '../core/chunk';
import type { ContainerLogSettings } from '../core/logs/logTargets';
import { taskIdFromArn } from '../core/logs/streamNames';
import { UserError } from '../core/userError';

export interface ServiceTaskDefinitions {
  readonly serviceName: string;
  /** The service's task definition first, then those of its other deployments (during a rollout). */
  readonly taskDefinitions: string[];
}

/** The task definitions a service runs; a missing or deleted service is a UserError. */
export async function describeServiceTaskDefinitions(ecs: ECSClient, cluster: string, service: string, signal?: AbortSignal): Promise<ServiceTaskDefinitions> {
  const out = await ecs
    .send(new DescribeServicesCommand({ cluster, services: [service] }), { abortSignal: signal })
    .catch((err: unknown) => {
      if ((err as { name?: string }).name === 'ClusterNotFoundException') throw new UserError(`Cluster "${cluster}" was not found — check --cluster and the region`, err);
      throw err;
    });
  const svc = out.services?.find((s) => s.serviceName === service || s.serviceArn === service);
  if (!svc || svc.status === 'INACTIVE') {
    throw new UserError(`Service "${service}" was not found in cluster "${cluster}"${svc ? ' (it was deleted)' : ''} — check the service name`);
  }
  const defs = [svc.taskDefinition, ...(svc.deployments ?? []).map((d) => d.taskDefinition)].filter((d): d is string => Boolean(d));
  return { serviceName: svc.serviceName ?? service, taskDefinitions: [...new Set(defs)] };
}

export interface TaskSummary {
  readonly taskArn: string;
  readonly taskId: string;
  readonly taskDefinitionArn: string;
  readonly lastStatus?: string;
}

/**
 * The tasks of a service (running and pending; stopped ones too when asked). ListTasks'
 * serviceName is not honoured by every emulator, so tasks are also kept only when their
 * group is "service:NAME", which ECS sets on every task it starts for a service.
 */
export async function listServiceTasks(
  ecs: ECSClient,
  cluster: string,
  service: string,
  signal?: AbortSignal,
  options: { includeStopped?: boolean } = {},
): Promise<TaskSummary[]> {
  const arns: string[] = [];
  for (const desiredStatus of options.includeStopped ? (['RUNNING', 'STOPPED'] as const) : (['RUNNING'] as const)) {
    let nextToken: string | undefined;
    do {
      const page = await ecs.send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus, nextToken, maxResults: 100 }), { abortSignal: signal });
      arns.push(...(page.taskArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  const tasks: TaskSummary[] = [];
  for (const batch of chunk([...new Set(arns)], 100)) {
    const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: batch }), { abortSignal: signal });
    for (const t of out.tasks ?? []) {
      if (!t.taskArn || !t.taskDefinitionArn || t.group !== `service:${service}`) continue;
      tasks.push({ taskArn: t.taskArn, taskId: taskIdFromArn(t.taskArn), taskDefinitionArn: t.taskDefinitionArn, lastStatus: t.lastStatus });
    }
  }
  return tasks;
}

/** The containers of a task definition, as far as logs are concerned. */
export async function taskDefinitionContainers(ecs: ECSClient, taskDefinition: string, signal?: AbortSignal): Promise<ContainerLogSettings[]> {
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal: signal });
  return (out.taskDefinition?.containerDefinitions ?? []).map((c) => ({
    name: c.name,
    logConfiguration: c.logConfiguration ? { logDriver: c.logConfiguration.logDriver, options: c.logConfiguration.options } : undefined,
  }));
}

/** Names of a cluster's services, sorted (for the Follow Logs picker). */
export async function listServiceNames(ecs: ECSClient, cluster: string, signal?: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListServicesCommand({ cluster, nextToken, maxResults: 100 }), { abortSignal: signal });
    names.push(...(page.serviceArns ?? []).map((arn) => arn.slice(arn.lastIndexOf('/') + 1)));
    nextToken = page.nextToken;
  } while (nextToken);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
