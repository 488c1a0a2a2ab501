import type * as vscode from 'vscode';
import type { CommandBody } from '../commandWrapper';

/** ECS: Show Extension Log — brings the extension's own "ECS Deploy" channel forward (not an app's logs). */
export function showLogs(channel: vscode.LogOutputChannel): CommandBody {
  return async () => channel.show(true);
}
