import * as vscode from 'vscode';
import { createFargateCluster } from '../../aws/clusters';
import { launchValueProblem } from '../../core/stack/launchOptions';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { textArgOrAsk } from '../pickers';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** ECS: Create Cluster… — a Fargate cluster (FARGATE and FARGATE_SPOT capacity), name asked. */
export function createCluster(state: ConnectionState, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log }, nameArg?: unknown) => {
    const name = await textArgOrAsk(nameArg, {
      title: 'Create Cluster',
      prompt: 'Name of the new Fargate cluster (capacity providers FARGATE and FARGATE_SPOT)',
      validateInput: (v) => (v ? launchValueProblem('cluster', v) : 'A cluster needs a name'),
    });
    if (!name) return undefined;
    const { clients, connection } = await state.get();
    const arn = await createFargateCluster(clients.ecs, name, signal);
    log.info(`Created cluster ${arn}`);
    void vscode.window.showInformationMessage(`Cluster ${name} created in ${connection.region}.`);
    explorer.refresh();
    return arn;
  };
}
