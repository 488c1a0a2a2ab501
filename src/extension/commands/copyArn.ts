import * as vscode from 'vscode';
import { UserError } from '../../core/userError';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import { arnOf } from '../resourceRef';

/** ECS: Copy ARN — of a cluster, service, task or container (palette: pick a service). */
export function copyArn(state: ConnectionState): CommandBody {
  return async ({ signal, log }, node?: unknown) => {
    const ref = await resolveRef(node, ['service', 'cluster', 'task', 'container'], state, signal);
    const arn = arnOf(ref);
    if (!arn) throw new UserError(`This ${ref.kind} has no ARN`);
    await vscode.env.clipboard.writeText(arn);
    log.info(`Copied ${arn}`);
    void vscode.window.setStatusBarMessage(`$(copy) Copied ${arn}`, 3000);
    return arn;
  };
}
