import * as vscode from 'vscode';
import { consoleUrl, type ConsoleTarget } from '../../core/explorer/consoleUrl';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';

/** ECS: Open in AWS Console — the console page of the cluster, service or task. */
export function openInConsole(state: ConnectionState): CommandBody {
  return async ({ signal }, node?: unknown) => {
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
