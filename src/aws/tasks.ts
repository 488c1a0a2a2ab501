import { DescribeTasksCommand, ListTasksCommand, StopTaskCommand, type DesiredStatus, type ECSClient, type Task } from '@aws-sdk/client-ecs';
import { chunk } from '../core/chunk';
import { serviceOfTask } from '../core/explorer/taskGroups';

/** API maxima: ListTasks pages hold 100 ARNs, DescribeTasks takes 100 tasks. */
export const LIST_TASKS_PAGE = 100;
export const DESCRIBE_TASKS_BATCH = 100;

async function listTaskArns(
  ecs: ECSClient,
  input: { cluster: string; serviceName?: string; desiredStatus: DesiredStatus },
  signal?: AbortSignal,
): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListTasksCommand({ ...input, maxResults: LIST_TASKS_PAGE, nextToken }), { abortSignal: signal });
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

export async function describeTasks(ecs: ECSClient, cluster: string, arns: readonly string[], signal?: AbortSignal): Promise<Task[]> {
  const batches = await Promise.all(
    chunk(arns, DESCRIBE_TASKS_BATCH).map((tasks) => ecs.send(new DescribeTasksCommand({ cluster, tasks }), { abortSignal: signal })),
  );
  return batches.flatMap((b) => b.tasks ?? []);
}

/**
 * Every task of a cluster, live and recently stopped (ECS keeps stopped tasks about an hour),
 * described once: the tree splits them between services and the standalone group.
 */
export async function listClusterTasks(ecs: ECSClient, cluster: string, signal?: AbortSignal): Promise<Task[]> {
  const [live, stopped] = await Promise.all([
    listTaskArns(ecs, { cluster, desiredStatus: 'RUNNING' }, signal),
    listTaskArns(ecs, { cluster, desiredStatus: 'STOPPED' }, signal),
  ]);
  const arns = [...new Set([...live, ...stopped])];
  return describeTasks(ecs, cluster, arns, signal);
}

/** The tasks of one service (for refreshing its node alone), live and (unless told not to) recently stopped. */
export async function listServiceTasks(
  ecs: ECSClient,
  cluster: string,
  serviceName: string,
  signal?: AbortSignal,
  options: { includeStopped?: boolean } = {},
): Promise<Task[]> {
  const [live, stopped] = await Promise.all([
    listTaskArns(ecs, { cluster, serviceName, desiredStatus: 'RUNNING' }, signal),
    options.includeStopped === false ? Promise.resolve([]) : listTaskArns(ecs, { cluster, serviceName, desiredStatus: 'STOPPED' }, signal),
  ]);
  const tasks = await describeTasks(ecs, cluster, [...new Set([...live, ...stopped])], signal);
  // Some endpoints (moto) ignore the serviceName filter: keep only this service's tasks.
  return tasks.filter((t) => serviceOfTask(t) === serviceName);
}

/** Stops one task; the reason shows in its stoppedReason and in the service's events. */
export async function stopTask(ecs: ECSClient, cluster: string, task: string, reason: string, signal?: AbortSignal): Promise<Task | undefined> {
  const out = await ecs.send(new StopTaskCommand({ cluster, task, reason: reason.slice(0, 255) }), { abortSignal: signal });
  return out.task;
}
