import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { awaitDecision, settleDecision } from '../decision/awaitDecision';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import { previewHtml, proceedLabel, type PreviewContent } from './previewHtml';

export const LAUNCH_PREVIEW_VIEW_TYPE = 'ecsDeploy.launchPreview';

export interface PreviewOptions {
  readonly templateBody: string;
  readonly docs: ReadonlyDocuments;
  readonly signal: AbortSignal;
  /** Automation and tests: answer without waiting (the preview still opens). */
  readonly preconfirmed?: boolean;
}

/**
 * Shows what the change set will do and cost beside the editor, and waits for Launch / Update
 * or Cancel — from the preview's own buttons, the editor title, or the question that stays
 * reachable (the same decision as Deploy's diff). Closing the preview asks once more.
 */
export async function confirmInPreview(content: PreviewContent, o: PreviewOptions): Promise<boolean> {
  const label = proceedLabel(content.kind);
  let panel: vscode.WebviewPanel | undefined;
  const open = () => {
    if (panel) return panel.reveal(vscode.ViewColumn.Active);
    panel = vscode.window.createWebviewPanel(LAUNCH_PREVIEW_VIEW_TYPE, `${label} ${content.serviceName}: preview`, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
    });
    const nonce = crypto.randomBytes(16).toString('base64');
    panel.webview.html = previewHtml(content, nonce, panel.webview.cspSource);
    panel.webview.onDidReceiveMessage(async (m: { action?: string }) => {
      if (m.action === 'proceed') settleDecision(true);
      else if (m.action === 'cancel') settleDecision(false);
      else if (m.action === 'template') {
        const uri = o.docs.put(`${content.stackName}.template.yaml`, o.templateBody);
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      }
    });
    panel.onDidDispose(() => (panel = undefined));
  };
  try {
    if (o.preconfirmed) {
      open();
      return true;
    }
    return await awaitDecision({
      title: `${label} ${content.serviceName} on ECS`,
      question: `${label} ${content.serviceName}? The preview shows every resource the stack ${content.kind === 'CREATE' ? 'creates' : 'changes'} and what it costs`,
      proceedLabel: content.kind === 'CREATE' ? 'Launch' : 'Update',
      about: { webviewViewType: LAUNCH_PREVIEW_VIEW_TYPE },
      show: async () => open(),
      signal: o.signal,
    });
  } finally {
    // Answered: the progress notification takes over from the preview.
    if (!o.preconfirmed) panel?.dispose();
  }
}
