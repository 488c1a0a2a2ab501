import * as vscode from 'vscode';
import { formatStackEvent } from '../../core/stack/stackEvents';
import { UserError } from '../../core/userError';
import { findAppStack } from '../../flows/serviceInfrastructure';
import { deleteApp, deletePlanWords, type DeletePlan } from '../../flows/stack/deleteApp';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import { ServiceNode } from '../tree/serviceNode';
import { readDeploySettings } from '../settings';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** Automation and tests: the typed service name, without the dialog. */
interface DeleteAppOptions {
  readonly typedName?: string;
  readonly deleteData?: boolean;
}

/** The confirmation: what goes, what stays, and the service name typed to proceed. */
async function confirmPlan(plan: DeletePlan, service: string, typed: string | undefined): Promise<boolean> {
  const words = deletePlanWords(plan);
  const detail = [`Deleted (${words.deleted.length}):`, ...words.deleted.map((w) => `• ${w}`), '', 'Kept:', ...words.kept.map((w) => `• ${w}`)].join('\n');
  if (typed === undefined) {
    const first = await vscode.window.showWarningMessage(`Delete ${service} (stack ${plan.stackName})?`, { modal: true, detail }, 'Delete App…');
    if (first !== 'Delete App…') return false;
    typed = await vscode.window.showInputBox({
      title: `Delete ${service}`,
      prompt: `Type ${service} to delete the app's stack (the data's file systems are kept)`,
      placeHolder: service,
      validateInput: (v) => (v && v !== service ? `Type ${service} exactly` : undefined),
    });
  }
  return typed === service;
}

/**
 * ECS: Delete App… — on a service `ecs-deploy up` made (its row, or the palette): lists what goes
 * and what stays, asks for the service name, deletes the stack with progress and says what was
 * kept. Cancel while deleting only stops watching: CloudFormation goes on.
 */
export function deleteAppCommand(state: ConnectionState, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log, withProgress }, node?: unknown, optionsArg?: unknown) => {
    const options = (typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {}) as DeleteAppOptions;
    const ref = await resolveRef(node, ['service'], state, signal);
    const service = ref.service.serviceName ?? '';
    const { clients } = await state.get();
    const stack = node instanceof ServiceNode && node.stack ? node.stack : await findAppStack(clients, ref.cluster, service, signal);
    if (!stack?.StackName) throw new UserError(`${service} was not made by Launch on ECS (it has no app stack): delete it where it was made`);
    const stackName = stack.StackName;
    const result = await withProgress(`Delete ${service}`, (progress) =>
      deleteApp(
        {
          stackName,
          deleteData: options.deleteData === true,
          timeoutMs: readDeploySettings().timeoutMinutes * 60_000,
          confirm: (plan) => confirmPlan(plan, service, options.typedName),
        },
        { clients, log, progress, signal, onStackEvent: (e) => log.info(formatStackEvent(e)) },
      ),
    );
    explorer.refresh();
    if (result.outcome === 'declined') return result;
    if (result.outcome !== 'deleted') {
      void vscode.window.showInformationMessage(result.message);
      return result;
    }
    const kept = [
      ...result.keptFileSystems.map((fs) => `file system ${fs}`),
      ...(result.plan.keptCluster ? [`cluster ${result.plan.keptCluster}`] : []),
      'the images in ECR',
    ];
    const words = `${service} was deleted. Kept: ${kept.join(', ')}.`;
    log.info(words);
    void vscode.window.showInformationMessage(words);
    return result;
  };
}
