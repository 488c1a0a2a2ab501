import * as vscode from 'vscode';
import { taskDefinitionName } from '../../core/arns';
import type { ProposedChange } from '../../flows/deployService';
import { READONLY_SCHEME, type ReadonlyDocuments } from '../readonlyDocuments';

/**
 * Shows the current revision and the one about to be deployed, normalised so only real changes
 * show, in VS Code's diff editor; then asks. `preconfirmed` (automation) skips only the question.
 */
export async function confirmInDiff(docs: ReadonlyDocuments, service: string, change: ProposedChange, preconfirmed = false): Promise<boolean> {
  const current = taskDefinitionName(change.current.taskDefinitionArn);
  const stamp = Date.now();
  const left = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/diff/${stamp}/${current}.json` });
  const right = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/diff/${stamp}/next.json` });
  docs.set(left, change.currentText);
  docs.set(right, change.nextText);
  await vscode.commands.executeCommand('vscode.diff', left, right, `${current} ↔ ${change.nextLabel}`, { preview: true });
  if (preconfirmed) return true;
  // Not modal: a dialog would cover the diff the question is about.
  const answer = await vscode.window.showInformationMessage(
    `Deploy ${change.nextLabel} to ${service}? The diff editor shows what changes compared with ${current}.`,
    'Deploy',
    'Cancel',
  );
  return answer === 'Deploy';
}
