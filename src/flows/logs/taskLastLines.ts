import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { lastLogEvents } from '../../aws/logs';
import { taskDefinitionContainers } from '../../aws/taskDefinitions';
import { formatLogLine, type TimeZoneChoice } from '../../core/logs/formatLine';
import { resolveLogTargets } from '../../core/logs/logTargets';
import { mergeByTimestamp } from '../../core/logs/merge';
import { awslogsStreamName, taskIdFromArn } from '../../core/logs/streamNames';
import { isAwsError } from '../../core/awsErrors';

/**
 * The last lines a (crashed) task's containers wrote, formatted like Follow Logs — for the
 * rollout watcher, which shows why a task stopped. Containers without awslogs come back as
 * problem sentences; a stream that never got a line is simply empty.
 */
export async function lastLinesOfTask(
  deps: { ecs: ECSClient; logs: CloudWatchLogsClient },
  task: { taskArn: string; taskDefinitionArn: string },
  options: { container?: string; lines?: number; timeZone?: TimeZoneChoice },
  signal?: AbortSignal,
): Promise<{ lines: string[]; problems: string[] }> {
  const n = options.lines ?? 20;
  const taskId = taskIdFromArn(task.taskArn);
  const containers = await taskDefinitionContainers(deps.ecs, task.taskDefinitionArn, signal);
  const { targets, problems } = resolveLogTargets(task.taskDefinitionArn, containers, options.container);
  const lists = [];
  for (const t of targets) {
    const stream = awslogsStreamName(t.prefix, t.container, taskId);
    const events = await lastLogEvents(deps.logs, t.group, stream, n, signal).catch((err: unknown) => {
      if (isAwsError(err, 'ResourceNotFoundException')) return [];
      throw err;
    });
    lists.push(events.map((e) => ({ timestamp: e.timestamp, text: formatLogLine(e, { container: t.container, taskId }, options.timeZone) })));
  }
  return { lines: mergeByTimestamp(lists).slice(-n).map((l) => l.text), problems };
}
