import * as vscode from 'vscode';
import { taskDefinitionName } from '../../core/arns';
import type { ProgressReporter } from '../../core/logger';
import type { ProposedChange } from '../../flows/deployService';
import { awaitDecision } from '../decision/awaitDecision';
import { READONLY_SCHEME, type ReadonlyDocuments } from '../readonlyDocuments';

/**
 * Shows the current revision and the one about to be deployed, normalised so only real changes
 * show, in VS Code's diff editor, with Deploy in its title bar; then waits for the decision.
 * `preconfirmed` (automation) skips only the question.
 */
export async function confirmInDiff(
  docs: ReadonlyDocuments,
  service: string,
  change: ProposedChange,
  preconfirmed = false,
  /** The deploy's own notification (the question is asked there) and its Cancel. */
  ctx?: { readonly signal: AbortSignal; readonly progress: ProgressReporter },
): Promise<boolean> {
  const current = taskDefinitionName(change.current.taskDefinitionArn);
  const stamp = Date.now();
  const left = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/diff/${stamp}/${current}.json` });
  const right = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/diff/${stamp}/next.json` });
  docs.set(left, change.currentText);
  docs.set(right, change.nextText);
  const show = () => vscode.commands.executeCommand('vscode.diff', left, right, `${current} ↔ ${change.nextLabel}`, { preview: true });
  if (preconfirmed) {
    await show();
    return true;
  }
  return awaitDecision({
    title: `Deploy ${change.nextLabel} to ${service}?`,
    question: `Deploy ${change.nextLabel} to ${service}? The diff shows what changes compared with ${current}`,
    proceedLabel: 'Deploy',
    about: { resources: [left, right] },
    show,
    signal: ctx?.signal,
    progress: ctx?.progress,
  });
}
