import * as vscode from 'vscode';
import { isAbortError } from '../../core/abort';
import { taskDefinitionName } from '../../core/arns';
import type { Logger } from '../../core/logger';
import { deployService, type DeployRequest, type DeployResult, type FlowContext } from '../../flows/deployService';
import { watchDeployment } from '../../flows/watchDeployment';
import type { RolloutOutcome } from '../../flows/watchRollout';
import { SHOW_LOGS_COMMAND } from '../commandIds';
import type { ConnectionState } from '../connectionState';
import { readDeploySettings } from '../settings';

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
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const ctx = { log, progress, signal: controller.signal };
    let result: DeployResult | undefined;
    try {
      result = await (start ? start(ctx) : deployService(clients.ecs, request, ctx));
    } catch (err) {
      if (isAbortError(err) || controller.signal.aborted) {
        log.info(`Deployment of ${request.service} cancelled before anything changed`);
        return {};
      }
      throw err;
    }
    if (!result) return {};
    const target = taskDefinitionName(result.taskDefinitionArn);
    log.info(`Watching ${request.cluster}/${request.service} roll out ${target} (deployment ${result.deploymentId})`);
    const outcome = await watchDeployment(clients, result, {
      cluster: request.cluster,
      service: request.service,
      timeoutMs: readDeploySettings().timeoutMinutes * 60_000,
      log,
      progress,
      signal: controller.signal,
    });
    announce(request.service, target, outcome, log);
    return { result, outcome };
  });
}

function announce(service: string, target: string, outcome: RolloutOutcome, log: Logger): void {
  const showLogs = (choice: string | undefined) => {
    if (choice) void vscode.commands.executeCommand(SHOW_LOGS_COMMAND);
  };
  switch (outcome.phase) {
    case 'COMPLETED':
      log.info(`${service}: rollout of ${target} COMPLETED`);
      void vscode.window.showInformationMessage(`${service} now runs ${target}: rollout COMPLETED.`);
      break;
    case 'FAILED':
      log.error(`${service}: rollout of ${target} FAILED — ${outcome.reason}`);
      void vscode.window.showErrorMessage(`${service}: rollout of ${target} FAILED — ${outcome.reason}`, 'Show Logs').then(showLogs);
      break;
    case 'TIMEOUT':
      log.warn(`${service}: ${outcome.reason}`);
      void vscode.window.showWarningMessage(`${service}: ${outcome.reason}`, 'Show Logs').then(showLogs);
      break;
    case 'STOPPED_WATCHING':
      log.info(outcome.reason);
      void vscode.window.showInformationMessage(outcome.reason);
      break;
  }
}
