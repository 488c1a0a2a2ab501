import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Logger, ProgressReporter } from '../core/logger';
import type { RolloutUpdate } from '../core/rollout/rolloutTracker';
import { crashLogLines } from './rolloutLogs';
import { pollService, watchRollout, type RolloutOutcome } from './watchRollout';

/** What a started deployment is: enough to follow it to its end. */
export interface StartedDeployment {
  readonly taskDefinitionArn: string;
  readonly deploymentId: string;
  /** When the service was changed: the rollout's clock starts here. */
  readonly startedAt: Date;
}

export interface WatchDeploymentOptions {
  readonly cluster: string;
  readonly service: string;
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  readonly onUpdate?: (u: RolloutUpdate) => void;
}

/**
 * Deploy-then-watch, once for every face (deploy, rollback, Deploy Workspace, the app stack):
 * polls the service until the deployment completes, fails (with the crashed container's last
 * log lines), times out, or the signal stops the watching — never the deployment.
 */
export function watchDeployment(
  clients: { ecs: ECSClient; logs: CloudWatchLogsClient },
  started: StartedDeployment,
  o: WatchDeploymentOptions,
): Promise<RolloutOutcome> {
  return watchRollout(pollService(clients.ecs, o.cluster, o.service), {
    lastLogLines: crashLogLines(clients, started.taskDefinitionArn),
    deploymentId: started.deploymentId,
    taskDefinitionArn: started.taskDefinitionArn,
    startedAt: started.startedAt,
    timeoutMs: o.timeoutMs,
    log: o.log,
    progress: o.progress,
    signal: o.signal,
    onUpdate: o.onUpdate,
  });
}
