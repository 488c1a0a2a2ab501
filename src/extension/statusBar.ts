import * as vscode from 'vscode';
import { connectionLabel, profileLabel } from '../core/connection';
import { CHOOSE_CONNECTION_COMMAND } from './commandIds';
import type { ConnectionState } from './connectionState';

/** "ECS: <profile> · <region>" in the status bar; a click offers profile and region pickers. */
export function createStatusBar(state: ConnectionState): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ecsDeploy.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ECS Deploy Connection';
  item.command = CHOOSE_CONNECTION_COMMAND;
  const update = async () => {
    try {
      const { connection } = await state.get();
      item.text = `$(cloud) ${connectionLabel(connection)}`;
      item.tooltip = new vscode.MarkdownString(
        `**AWS profile:** ${profileLabel(connection)}  \n**Region:** ${connection.region}` +
          (connection.endpoint ? `  \n**Endpoint:** ${connection.endpoint}` : '') +
          '\n\nClick to select a profile or region.',
      );
      item.backgroundColor = undefined;
    } catch (err) {
      item.text = '$(warning) ECS: not connected';
      item.tooltip = (err as Error).message;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    item.show();
  };
  void update();
  const sub = state.onDidChange(() => void update());
  return vscode.Disposable.from(item, sub);
}
