import * as vscode from 'vscode';
import { SELECT_PROFILE_COMMAND, SELECT_REGION_COMMAND } from '../commandIds';
import type { CommandBody } from '../commandWrapper';

/** The status bar's click: which of the two to change. */
export function chooseConnection(): CommandBody {
  return async () => {
    const pick = await vscode.window.showQuickPick(
      [
        { label: '$(account) ECS: Select Profile…', command: SELECT_PROFILE_COMMAND },
        { label: '$(globe) ECS: Select Region…', command: SELECT_REGION_COMMAND },
      ],
      { title: 'ECS Deploy connection' },
    );
    if (pick) await vscode.commands.executeCommand(pick.command);
  };
}
