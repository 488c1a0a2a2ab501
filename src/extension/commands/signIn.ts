import * as vscode from 'vscode';
import { isSafeProfileName } from '../../core/connection';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';


/**
 * ECS: Sign In to AWS SSO — runs `aws sso login --profile X` in a terminal (the AWS CLI opens the
 * browser); the tree reloads once the terminal closes.
 */
export function signIn(state: ConnectionState): CommandBody {
  return async (_run, profileArg?: unknown) => {
    const profile = typeof profileArg === 'string' && profileArg ? profileArg : (await state.get().catch(() => undefined))?.connection.profile;
    const args = profile && isSafeProfileName(profile) ? ` --profile ${profile}` : '';
    const terminal = vscode.window.createTerminal({ name: 'AWS SSO sign-in' });
    terminal.show();
    terminal.sendText(`aws sso login${args}`);
    const sub = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) {
        sub.dispose();
        state.reset();
      }
    });
  };
}
