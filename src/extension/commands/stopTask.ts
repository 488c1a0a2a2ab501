import * as vscode from 'vscode';
import { stopTask as stop } from '../../aws/tasks';
import { shortTaskId } from '../../core/arns';
import { serviceOfTask } from '../../core/explorer/taskGroups';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** ECS: Stop Task… — asks for a reason, confirms, stops the task. */
export function stopTask(state: ConnectionState, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log }, node?: unknown, reasonArg?: unknown) => {
    const ref = await resolveRef(node, ['task'], state, signal);
    const id = shortTaskId(ref.task.taskArn);
    let reason = typeof reasonArg === 'string' ? reasonArg : undefined;
    if (reason === undefined) {
      const service = serviceOfTask(ref.task);
      reason = await vscode.window.showInputBox({
        title: `Stop task ${id}`,
        prompt: service ? `Reason (the service ${service} will start a replacement)` : 'Reason, shown as the task\'s stoppedReason',
        value: 'Stopped from VS Code',
      });
      if (reason === undefined) return undefined;
      const answer = await vscode.window.showWarningMessage(`Stop task ${id}?`, { modal: true, detail: `Reason: ${reason || '(none given)'}` }, 'Stop Task');
      if (answer !== 'Stop Task') return undefined;
    }
    const { clients } = await state.get();
    const stopped = await stop(clients.ecs, ref.cluster, ref.task.taskArn ?? '', reason, signal);
    log.info(`Stopped task ${ref.task.taskArn}: ${reason}`);
    explorer.refresh();
    return stopped?.desiredStatus;
  };
}
