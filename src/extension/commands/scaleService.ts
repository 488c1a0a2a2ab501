import * as vscode from 'vscode';
import { scaleService as scale } from '../../aws/services';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import { reloadAfterChange } from './reloadAfterChange';
import type { ExplorerProvider } from '../tree/explorerProvider';

export function parseDesiredCount(text: string): number | undefined {
  return /^\s*\d{1,5}\s*$/.test(text) ? Number(text) : undefined;
}

/** ECS: Scale Service… — sets the desired count. */
export function scaleService(state: ConnectionState, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log }, node?: unknown, countArg?: unknown) => {
    const ref = await resolveRef(node, ['service'], state, signal);
    const name = ref.service.serviceName ?? '';
    let count = typeof countArg === 'number' ? countArg : undefined;
    if (count === undefined) {
      const text = await vscode.window.showInputBox({
        title: `Scale ${name}`,
        prompt: `Desired number of tasks (now ${ref.service.desiredCount ?? 0}, running ${ref.service.runningCount ?? 0})`,
        value: String(ref.service.desiredCount ?? 0),
        validateInput: (v) => (parseDesiredCount(v) === undefined ? 'Enter a whole number, 0 or more' : undefined),
      });
      if (text === undefined) return undefined;
      count = parseDesiredCount(text);
    }
    if (count === undefined) return undefined;
    const { clients } = await state.get();
    const updated = await scale(clients.ecs, ref.cluster, name, count, signal);
    log.info(`Scaled ${ref.cluster}/${name} to ${count} tasks`);
    await reloadAfterChange(node, explorer, signal, log);
    return updated?.desiredCount;
  };
}
