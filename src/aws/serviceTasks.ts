import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import type { ContainerLogSettings } from '../core/logs/logTargets';
import { taskIdFromArn } from '../core/logs/streamNames';
import { listServiceTasks as listTasksOfService } from './tasks';
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

/** The tasks of a service (running and pending; stopped ones too when asked), in the shape logs need. */
export async function listServiceTasks(
  ecs: ECSClient,
  cluster: string,
  service: string,
  signal?: AbortSignal,
  options: { includeStopped?: boolean } = {},
): Promise<TaskSummary[]> {
  const tasks = await listTasksOfService(ecs, cluster, service, signal, { includeStopped: options.includeStopped ?? false });
  return tasks
    .filter((t): t is typeof t & { taskArn: string; taskDefinitionArn: string } => Boolean(t.taskArn && t.taskDefinitionArn))
    .map((t) => ({ taskArn: t.taskArn, taskId: taskIdFromArn(t.taskArn), taskDefinitionArn: t.taskDefinitionArn, lastStatus: t.lastStatus }));
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
