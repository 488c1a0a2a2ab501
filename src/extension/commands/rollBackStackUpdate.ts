import * as vscode from 'vscode';
import { cancelUpdateStack } from '../../aws/stacks';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { StackNode } from '../tree/infrastructureNodes';
import { UserError } from '../../core/userError';

/** Roll Back Now…: after a confirmation, CloudFormation cancels the app stack's update in progress and restores the last good state. */
export function rollBackStackUpdate(state: ConnectionState): CommandBody {
  return async ({ signal, log }, arg?: unknown) => {
    const name = arg instanceof StackNode ? arg.stack.StackName : typeof arg === 'string' ? arg : undefined;
    if (!name) throw new UserError('Roll Back Now works on an app stack whose update is in progress');
    const ok = await vscode.window.showWarningMessage(
      `Roll back the update of ${name}?`,
      { modal: true, detail: 'CloudFormation stops the update and returns every resource to how it was before it.' },
      'Roll Back Now',
    );
    if (ok !== 'Roll Back Now') return undefined;
    const { clients } = await state.get();
    await cancelUpdateStack(clients.cloudFormation, name, signal);
    log.info(`CloudFormation rolls back the update of ${name}`);
    return name;
  };
}
