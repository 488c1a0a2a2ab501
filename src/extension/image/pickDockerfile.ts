import path from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../../core/userError';

/** Dockerfile, *.Dockerfile, Dockerfile.* — the names the menus offer the command on. */
export const DOCKERFILE_NAME = /^(.*\.)?dockerfile(\..*)?$/i;

/** The Dockerfile to build: the one given, the active editor's, the only one, or the one picked. */
export async function pickDockerfile(given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && DOCKERFILE_NAME.test(path.basename(active.fsPath))) return active;
  const found = await vscode.workspace.findFiles('**/{Dockerfile,*.Dockerfile,Dockerfile.*,*.dockerfile,dockerfile}', '**/node_modules/**', 100);
  if (found.length === 0) throw new UserError('No Dockerfile in this workspace — open one, or right-click one in the explorer');
  if (found.length === 1) return found[0];
  const items = found
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const pick = await vscode.window.showQuickPick(items, { title: 'ECS: Build and Push Image', placeHolder: 'Dockerfile to build' });
  return pick?.uri;
}
