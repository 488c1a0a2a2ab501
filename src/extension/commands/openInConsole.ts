import * as vscode from 'vscode';
import { consoleUrl, type ConsoleTarget } from '../../core/explorer/consoleUrl';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import { StackNode } from '../tree/infrastructureNodes';

/** ECS: Open in AWS Console — the console page of the cluster, service, task or app stack. */
export function openInConsole(state: ConnectionState): CommandBody {
  return async ({ signal }, node?: unknown) => {
    if (node instanceof StackNode) {
      const url = consoleUrl({ kind: 'stack', region: (await state.get()).connection.region, stackId: node.stack.StackId ?? node.stack.StackName ?? '' });
      await vscode.env.openExternal(vscode.Uri.parse(url));
      return url;
    }
    const ref = await resolveRef(node, ['service', 'cluster', 'task', 'container'], state, signal);
    const { region } = (await state.get()).connection;
    const target: ConsoleTarget =
      ref.kind === 'cluster'
        ? { kind: 'cluster', region, cluster: ref.cluster }
        : ref.kind === 'service'
          ? { kind: 'service', region, cluster: ref.cluster, service: ref.service.serviceName ?? '' }
          : { kind: 'task', region, cluster: ref.cluster, taskArn: ref.task.taskArn ?? '' };
    const url = consoleUrl(target);
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  };
}
