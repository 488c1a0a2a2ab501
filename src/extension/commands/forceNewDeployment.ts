import * as vscode from 'vscode';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { deployAndWatch } from '../deploy/deployAndWatch';
import { resolveServiceTarget } from '../deploy/serviceTarget';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { reloadAfterChange } from './reloadAfterChange';

/** ECS: Force New Deployment — restarts the tasks with the same revision after a confirmation, then watches. */
export function forceNewDeployment(state: ConnectionState, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log }, node?: unknown, confirmed?: unknown) => {
    const target = await resolveServiceTarget(node, state, signal);
    if (confirmed !== true) {
      const answer = await vscode.window.showWarningMessage(
        `Force a new deployment of ${target.service}?`,
        { modal: true, detail: `ECS replaces every task of ${target.service} in ${target.cluster} with new ones from the same task definition.` },
        'Force New Deployment',
      );
      if (answer !== 'Force New Deployment') return undefined;
    }
    // The tree polls a deploying service on its own; redraw once more when the watch ends.
    const { result } = await deployAndWatch(state, log, { cluster: target.cluster, service: target.service, source: { kind: 'force' } });
    await reloadAfterChange(node, explorer, signal, log, target);
    return result?.deploymentId;
  };
}
