import * as vscode from 'vscode';
import { isAbortError } from '../../core/abort';
import { taskDefinitionName } from '../../core/arns';
import type { Logger } from '../../core/logger';
import { deployService, type DeployRequest, type DeployResult, type FlowContext } from '../../flows/deployService';
import { watchDeployment, type StartedDeployment } from '../../flows/watchDeployment';
import type { RolloutOutcome } from '../../flows/watchRollout';
import { ROLLBACK_SERVICE_COMMAND, SHOW_EXTENSION_LOG_COMMAND, SHOW_SERVICE_EVENTS_COMMAND } from '../commandIds';
import type { ConnectionState } from '../connectionState';
import { readDeploySettings } from '../settings';
import { withCancellableProgress } from '../progress';

/** The service a deployment runs on. */
interface Target {
  readonly cluster: string;
  readonly service: string;
}

/** What the timeout message offers: watching stopped, the deployment did not. */
export const TIMEOUT_ACTIONS = { keepWatching: 'Keep Watching', events: 'Show Service Events', rollBack: 'Roll Back…' } as const;

/**
 * Starts a deployment and watches it in one cancellable notification. Cancel before the first
 * change leaves everything as it was; after it, Cancel only stops watching.
 */
export async function deployAndWatch(
  state: ConnectionState,
  log: Logger,
  request: DeployRequest,
  /** What starts the deployment (default: deployService); e.g. build, push and render first. */
  start?: (ctx: FlowContext) => Promise<DeployResult | undefined>,
): Promise<{ result?: DeployResult; outcome?: RolloutOutcome }> {
  const { clients } = await state.get();
  const title = `Deploying ${request.service}`;
  return withCancellableProgress(title, async (progress, signal) => {
    const ctx = { log, progress, signal };
    let result: DeployResult | undefined;
    try {
      result = await (start ? start(ctx) : deployService(clients.ecs, request, ctx));
    } catch (err) {
      if (isAbortError(err) || signal.aborted) {
        log.info(`Deployment of ${request.service} cancelled before anything changed`);
        return {};
      }
      throw err;
    }
    if (!result) return {};
    const outcome = await watch(state, log, request, result, ctx);
    announce(state, log, request, result, outcome);
    return { result, outcome };
  });
}

async function watch(state: ConnectionState, log: Logger, target: Target, started: StartedDeployment, ctx: FlowContext): Promise<RolloutOutcome> {
  const { clients } = await state.get();
  log.info(`Watching ${target.cluster}/${target.service} roll out ${taskDefinitionName(started.taskDefinitionArn)} (deployment ${started.deploymentId})`);
  return watchDeployment(clients, started, {
    cluster: target.cluster,
    service: target.service,
    timeoutMs: readDeploySettings().timeoutMinutes * 60_000,
    log,
    progress: ctx.progress,
    signal: ctx.signal,
  });
}

/** Keep Watching: the same deployment, watched again with a fresh timeout. */
export function keepWatching(state: ConnectionState, log: Logger, target: Target, started: StartedDeployment): Thenable<RolloutOutcome> {
  const title = `Watching ${target.service} roll out ${taskDefinitionName(started.taskDefinitionArn)}`;
  return withCancellableProgress(title, async (progress, signal) => {
    const outcome = await watch(state, log, target, { ...started, startedAt: new Date() }, { log, progress, signal });
    announce(state, log, target, started, outcome);
    return outcome;
  });
}

function announce(state: ConnectionState, log: Logger, target: Target, started: StartedDeployment & Partial<Pick<DeployResult, 'service'>>, outcome: RolloutOutcome): void {
  const { service } = target;
  const revision = taskDefinitionName(started.taskDefinitionArn);
  // The service row's ref, so the commands act on this service without asking.
  const node = started.service ? { ref: { kind: 'service', cluster: target.cluster, service: started.service } } : { cluster: target.cluster, service };
  const showLog = (choice: string | undefined) => {
    if (choice) void vscode.commands.executeCommand(SHOW_EXTENSION_LOG_COMMAND);
  };
  switch (outcome.phase) {
    case 'COMPLETED':
      log.info(`${service}: rollout of ${revision} COMPLETED`);
      void vscode.window.showInformationMessage(`${service} now runs ${revision}: rollout COMPLETED.`);
      break;
    case 'FAILED':
      log.error(`${service}: rollout of ${revision} FAILED — ${outcome.reason}`);
      void vscode.window.showErrorMessage(`${service}: rollout of ${revision} FAILED — ${outcome.reason}`, 'Show Extension Log').then(showLog);
      break;
    case 'TIMEOUT': {
      log.warn(`${service}: ${outcome.reason}`);
      const message = `${service}: ${outcome.reason}. ECS goes on deploying ${revision}; only the watching stopped.`;
      void vscode.window.showWarningMessage(message, ...Object.values(TIMEOUT_ACTIONS)).then((choice) => {
        if (choice === TIMEOUT_ACTIONS.keepWatching) void keepWatching(state, log, target, started);
        else if (choice === TIMEOUT_ACTIONS.events) void vscode.commands.executeCommand(SHOW_SERVICE_EVENTS_COMMAND, node);
        else if (choice === TIMEOUT_ACTIONS.rollBack) void vscode.commands.executeCommand(ROLLBACK_SERVICE_COMMAND, node);
      });
      break;
    }
    case 'STOPPED_WATCHING':
      log.info(outcome.reason);
      void vscode.window.showInformationMessage(outcome.reason);
      break;
  }
}
