import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { lastLinesOfTask } from './logs/taskLastLines';

/**
 * For the rollout watcher: the last lines a crashed container of the deployed revision logged,
 * messages only (the rollout reason already names the container and task).
 */
export function crashLogLines(
  clients: { ecs: ECSClient; logs: CloudWatchLogsClient },
  taskDefinitionArn: string,
  lines = 5,
): (taskArn: string, container: string) => Promise<string[]> {
  return async (taskArn, container) => {
    const out = await lastLinesOfTask(clients, { taskArn, taskDefinitionArn }, { container, lines });
    return out.lines.map((l) => {
      const bar = l.indexOf(' | ');
      return bar >= 0 ? l.slice(bar + 3) : l;
    });
  };
}
