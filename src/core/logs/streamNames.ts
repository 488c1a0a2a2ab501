import type { LogSource } from './logEvent';

/** Characters of the task id shown on each line: enough to tell a service's tasks apart. */
export const SHORT_TASK_ID_LENGTH = 6;

/** "arn:aws:ecs:r:a:task/cluster/3f2a…" (or an old-style ARN without the cluster) → "3f2a…". */
export function taskIdFromArn(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

export function shortTaskId(taskId: string): string {
  return taskId.slice(0, SHORT_TASK_ID_LENGTH);
}

/** The stream the awslogs driver writes a container's output to: `prefix/container/taskId`. */
export function awslogsStreamName(prefix: string, container: string, taskId: string): string {
  return `${prefix}/${container}/${taskId}`;
}

/** The reverse, for streams found by listing a group; undefined when the name is not of that shape. */
export function parseAwslogsStreamName(name: string): (LogSource & { prefix: string }) | undefined {
  const parts = name.split('/');
  if (parts.length < 3 || parts.some((p) => p === '')) return undefined;
  const taskId = parts[parts.length - 1];
  const container = parts[parts.length - 2];
  return { prefix: parts.slice(0, -2).join('/'), container, taskId };
}
