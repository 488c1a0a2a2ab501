import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import { recentLogStreams } from '../../aws/logs';
import { describeServiceTaskDefinitions } from '../../aws/services';
import { taskDefinitionContainers } from '../../aws/taskDefinitions';
import { listServiceTasks } from '../../aws/tasks';
import type { LogSource } from '../../core/logs/logEvent';
import { resolveLogTargets, type LogTarget } from '../../core/logs/logTargets';
import { awslogsStreamName, parseAwslogsStreamName, taskIdFromArn } from '../../core/logs/streamNames';
import { UserError } from '../../core/userError';
import { isAwsError } from '../../core/awsErrors';

interface TaskSummary {
  readonly taskArn: string;
  readonly taskId: string;
  readonly taskDefinitionArn: string;
}

/** The tasks in the shape log streams are named from (a task without its ARNs has no streams). */
function taskSummaries(tasks: readonly Task[]): TaskSummary[] {
  return tasks
    .filter((t): t is Task & { taskArn: string; taskDefinitionArn: string } => Boolean(t.taskArn && t.taskDefinitionArn))
    .map((t) => ({ taskArn: t.taskArn, taskId: taskIdFromArn(t.taskArn), taskDefinitionArn: t.taskDefinitionArn }));
}

export interface FollowTarget {
  readonly cluster: string;
  readonly service: string;
  /** Only this container of each task. */
  readonly container?: string;
  /** Only this task (id or ARN). */
  readonly taskId?: string;
}

/** The streams to follow, by group: stream name → which container of which task writes it. */
export type StreamMap = Map<string, Map<string, LogSource>>;

export interface SourceSnapshot {
  readonly streams: StreamMap;
  /** Sentences about containers whose logs cannot be followed (each says how to fix it). */
  readonly problems: string[];
  /** True when the service had no tasks and streams were found by their prefix in the group. */
  readonly discovered: boolean;
}

/**
 * Works out which log streams belong to a service right now: its tasks (running, and stopped
 * ones ECS still remembers) × the awslogs containers of each task's definition. A service with
 * no tasks at all (scaled to zero, crashing, or an emulator that never starts any) falls back to
 * the streams of its task definition's prefixes that had events recently.
 */
export class ServiceLogSources {
  private readonly containers = new Map<string, Promise<{ targets: LogTarget[]; problems: string[] }>>();

  constructor(
    private readonly ecs: ECSClient,
    private readonly logs: CloudWatchLogsClient,
    readonly target: FollowTarget,
  ) {}

  private targetsOf(taskDefinition: string, signal: AbortSignal) {
    let p = this.containers.get(taskDefinition);
    if (!p) {
      p = taskDefinitionContainers(this.ecs, taskDefinition, signal).then((c) => resolveLogTargets(taskDefinition, c, this.target.container));
      p.catch(() => this.containers.delete(taskDefinition));
      this.containers.set(taskDefinition, p);
    }
    return p;
  }

  async snapshot(signal: AbortSignal, since: number): Promise<SourceSnapshot> {
    const { cluster, service, taskId } = this.target;
    const svc = await describeServiceTaskDefinitions(this.ecs, cluster, service, signal);
    let tasks = taskSummaries(await listServiceTasks(this.ecs, cluster, service, signal, { includeStopped: true }));
    if (taskId) {
      const id = taskId.slice(taskId.lastIndexOf('/') + 1);
      tasks = tasks.filter((t) => t.taskId === id);
      if (!tasks.length) throw new UserError(`Task ${id} is not a task of service "${service}" in cluster "${cluster}"`);
    }
    const streams: StreamMap = new Map();
    const problems = new Set<string>();
    const add = (group: string, name: string, source: LogSource) => {
      if (!streams.has(group)) streams.set(group, new Map());
      streams.get(group)!.set(name, source);
    };
    for (const task of tasks) {
      const { targets, problems: p } = await this.targetsOf(task.taskDefinitionArn, signal);
      p.forEach((x) => problems.add(x));
      for (const t of targets) add(t.group, awslogsStreamName(t.prefix, t.container, task.taskId), { container: t.container, taskId: task.taskId });
    }
    let discovered = false;
    if (tasks.length === 0) {
      discovered = true;
      for (const def of svc.taskDefinitions) {
        const { targets, problems: p } = await this.targetsOf(def, signal);
        p.forEach((x) => problems.add(x));
        for (const t of targets) {
          const found = await recentLogStreams(this.logs, t.group, signal).catch((err: unknown) => {
            if (isAwsError(err, 'ResourceNotFoundException')) return []; // no group yet: nothing logged
            throw err;
          });
          for (const s of found) {
            const parsed = parseAwslogsStreamName(s.name);
            const recent = s.lastEventTimestamp === undefined || s.lastEventTimestamp >= since;
            if (parsed && recent && parsed.prefix === t.prefix && parsed.container === t.container) add(t.group, s.name, parsed);
          }
        }
      }
    }
    if (streams.size === 0 && problems.size > 0) throw new UserError([...problems].join('\n'));
    return { streams, problems: [...problems], discovered };
  }
}
