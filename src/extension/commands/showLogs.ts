import type * as vscode from 'vscode';
import type { CommandBody } from '../commandWrapper';

/** ECS: Show Logs — brings the "ECS Deploy" log channel forward. */
export function showLogs(channel: vscode.LogOutputChannel): CommandBody {
  return async () => channel.show(true);
}
