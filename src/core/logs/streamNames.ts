import type { LogSource } from './logEvent';

// Task ids are read from ARNs in one place for the tree, the rollout and the logs.
export { resourceIdOf as taskIdFromArn, shortTaskId } from '../arns';

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
