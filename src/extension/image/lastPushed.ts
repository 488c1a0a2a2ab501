import type * as vscode from 'vscode';
import type { BuildAndPushResult } from '../../flows/buildAndPush';

/** The last image Build and Push pushed in this workspace, kept for deploying it. */
export const LAST_PUSHED_KEY = 'ecsDeploy.image.lastPushed';

export type LastPushed = BuildAndPushResult & { readonly dockerfile: string; readonly pushedAt: string };

export function lastPushed(workspaceState: vscode.Memento): LastPushed | undefined {
  return workspaceState.get<LastPushed>(LAST_PUSHED_KEY);
}
