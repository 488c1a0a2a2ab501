import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../../aws/clients';
import { describeService } from '../../aws/services';
import { isAbortError } from '../../core/abort';
import type { Logger } from '../../core/logger';
import type { AppSummary } from '../../core/stack/renderStack';
import { sleep } from '../sleep';
import { watchDeployment } from '../watchDeployment';

export interface StackServiceWatch {
  /** Feed every stack event: the service's *_IN_PROGRESS starts the watching. */
  onStackEvent(e: StackEvent): void;
  /** What ECS said meanwhile (stopped tasks and their reasons, the rollout's verdict), for a failure's sentence. */
  evidence(): readonly string[];
  stop(): void;
}

/**
 * While CloudFormation waits for the ECS service to stabilise, shows the rollout as `deploy
 * --wait` does (tasks started, stopped with their reasons) in the log. It only reads; it stops
 * when the stack operation ends.
 */
export function watchStackService(deps: { clients: AwsClients; log: Logger; signal: AbortSignal }, app: AppSummary, timeoutMs: number): StackServiceWatch {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  deps.signal.addEventListener('abort', onOuterAbort, { once: true });
  let started = false;
  const seen: string[] = [];
  // Warnings of the watch (tasks that stopped, and why) are the evidence a failure cites.
  const log: Logger = { ...deps.log, warn: (m) => (seen.push(m), deps.log.warn(m)) };
  const run = async () => {
    const { ecs } = deps.clients;
    // The service appears a moment after CloudFormation starts creating it.
    for (let i = 0; i < 30 && !controller.signal.aborted; i++) {
      const svc = await describeService(ecs, app.clusterName, app.serviceName, controller.signal).catch(() => undefined);
      const primary = svc?.deployments?.find((d) => d.status === 'PRIMARY');
      if (svc && primary?.id && primary.taskDefinition) {
        deps.log.info(`Watching ${app.serviceName} roll out ${primary.taskDefinition.split('/').pop()} while CloudFormation waits for it`);
        let last = '';
        const outcome = await watchDeployment(
          { ecs, logs: deps.clients.logs },
          { taskDefinitionArn: primary.taskDefinition, deploymentId: primary.id, startedAt: primary.createdAt ?? new Date() },
          {
            cluster: app.clusterName,
            service: app.serviceName,
            timeoutMs,
            log,
            signal: controller.signal,
            progress: {
              report: ({ message }) => {
                if (message && message !== last) deps.log.info(`${app.serviceName}: ${message}`);
                last = message ?? last;
              },
            },
          },
        );
        if (outcome.phase === 'FAILED') seen.push(outcome.reason);
        return;
      }
      await sleep(2_000, controller.signal);
    }
  };
  return {
    onStackEvent(e) {
      if (started || e.ResourceType !== 'AWS::ECS::Service' || !/^(CREATE|UPDATE)_IN_PROGRESS$/.test(e.ResourceStatus ?? '')) return;
      started = true;
      run().catch((err) => {
        if (!isAbortError(err)) deps.log.debug(`rollout watch of ${app.serviceName} ended: ${String(err)}`);
      });
    },
    evidence: () => [...seen],
    stop() {
      controller.abort();
      deps.signal.removeEventListener('abort', onOuterAbort);
    },
  };
}
