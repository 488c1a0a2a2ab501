import * as vscode from 'vscode';
import { forceNewDeployment as force } from '../../aws/serviceActions';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { reloadAfterChange } from './reloadAfterChange';

/** ECS: Force New Deployment — restarts the tasks with the same revision, after a confirmation. */
export function forceNewDeployment(state: ConnectionState, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log }, node?: unknown, confirmed?: unknown) => {
    const ref = await resolveRef(node, ['service'], state, signal);
    const name = ref.service.serviceName ?? '';
    if (confirmed !== true) {
      const answer = await vscode.window.showWarningMessage(
        `Force a new deployment of ${name}?`,
        { modal: true, detail: `ECS replaces every task of ${name} in ${ref.cluster} with new ones from the same task definition.` },
        'Force New Deployment',
      );
      if (answer !== 'Force New Deployment') return undefined;
    }
    const { clients } = await state.get();
    const updated = await force(clients.ecs, ref.cluster, name, signal);
    log.info(`Forced a new deployment of ${ref.cluster}/${name}`);
    await reloadAfterChange(node, explorer, signal);
    return updated?.deployments?.[0]?.id;
  };
}
