import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Logger } from '../../core/logger';
import type { DeployResult } from '../../flows/deployService';
import { watchDeployment } from '../../flows/watchDeployment';
import type { CliIo } from '../io';

/**
 * Shared end of `deploy` and `rollback`: optionally watch, then print the task definition the
 * service uses as the last stdout line. Exit 0 when accepted (and COMPLETED with --wait).
 */
export async function finishDeploy(
  clients: { ecs: ECSClient; logs: CloudWatchLogsClient },
  cluster: string,
  service: string,
  result: DeployResult,
  opts: { wait: boolean; timeoutMs: number; io: CliIo; log: Logger },
): Promise<number> {
  const { io, log } = opts;
  if (!opts.wait) {
    io.stdout(result.taskDefinitionArn);
    return 0;
  }
  log.info(`Watching deployment ${result.deploymentId} (timeout ${Math.round(opts.timeoutMs / 1000)} s)…`);
  let lastSummary = '';
  const outcome = await watchDeployment(clients, result, {
    cluster,
    service,
    timeoutMs: opts.timeoutMs,
    log,
    signal: io.signal,
    progress: {
      report: ({ message }) => {
        if (message && message !== lastSummary) log.info(message);
        lastSummary = message ?? lastSummary;
      },
    },
  });
  io.stdout(result.taskDefinitionArn);
  switch (outcome.phase) {
    case 'COMPLETED':
      log.info(`Deployment COMPLETED: ${service} runs ${result.taskDefinitionArn.split('/').pop()}`);
      return 0;
    case 'STOPPED_WATCHING':
      log.warn(outcome.reason);
      return 130;
    default:
      log.error(`Deployment ${outcome.phase}: ${outcome.reason}`);
      return 1;
  }
}
