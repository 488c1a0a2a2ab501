import { DEFAULT_REGION } from '../../core/connection';
import * as vscode from 'vscode';
import { callerAccount } from '../../aws/account';
import { UserError } from '../../core/userError';
import type { ConnectionState } from '../connectionState';
import { isComposeDocument } from './editorFiles';

const COMPOSE_GLOB = '**/{compose,docker-compose}*.{yaml,yml}';

/** The compose file a command acts on: the argument, the active editor, the only one, or a pick. */
export async function pickComposeFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isComposeDocument(active)) return active;
  const found = (await vscode.workspace.findFiles(COMPOSE_GLOB, '**/node_modules/**', 50)).filter(isComposeDocument);
  if (found.length === 0) throw new UserError('No compose file in the workspace: open a compose.yaml or docker-compose.yml.');
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: "Compose file", placeHolder: 'Compose file' },
  );
  return picked?.uri;
}

/** Region and account for ECR image URIs and the default execution role; best effort, never blocks long. */
export async function connectionFacts(state: ConnectionState, signal: AbortSignal, debug: (m: string) => void): Promise<{ region: string; accountId?: string }> {
  let region = DEFAULT_REGION;
  try {
    const { connection, clients } = await state.get();
    region = connection.region;
    const accountId = await callerAccount(clients.sts, AbortSignal.any([signal, AbortSignal.timeout(3000)]));
    return { region, accountId };
  } catch (err) {
    debug(`account unknown for the task definition: ${(err as Error).message}`);
    return { region };
  }
}
