import * as vscode from 'vscode';
import { moveVariableToSecrets, removeEnvFileLine, removeVolumeAtLine, setExecutionRole, setServiceExtension } from '../../core/compose/index';
import { editorFileReader } from './editorFiles';
import { DIAGNOSTIC_SOURCE, type ComposeDiagnostics } from './composeDiagnostics';

/**
 * Quick fixes where the fix is clear: drop a bind mount; move a secret-looking variable to x-ecs
 * secrets; write the execution role (with the account filled in), the production command, or the
 * production value of NODE_ENV & co. as x-ecs keys, which Compose ignores and ECS uses.
 */
export class ComposeCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: ComposeDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const fix = this.diagnostics.lookup(doc.uri, d);
      if (fix?.finding.code === 'execution-role') {
        const role = fix.finding.data?.role ?? (this.diagnostics.accountId ? `arn:aws:iam::${this.diagnostics.accountId}:role/ecsTaskExecutionRole` : undefined);
        const composeFile = fix.composeFiles[0];
        const source = role && composeFile ? editorFileReader(composeFile) : undefined;
        const text = source === undefined || !role ? undefined : setExecutionRole(source, role);
        if (text !== undefined && source !== undefined) out.push(action(`Set x-ecs.executionRoleArn to ${role}`, d, replaceAll(vscode.Uri.file(composeFile), source, text)));
        continue;
      }
      const data = fix?.finding.data;
      if (!fix || !data?.service) continue;
      if (fix.finding.code === 'dev-command' && data.argv && data.key) {
        const argv = JSON.parse(data.argv) as string[];
        const text = setServiceExtension(doc.getText(), data.service, [data.key], argv);
        if (text !== undefined) out.push(action(`Run "${argv.join(' ')}" on ECS (x-ecs.${data.key} of "${data.service}")`, d, replaceAll(doc.uri, doc.getText(), text)));
      } else if (fix.finding.code === 'dev-environment' && data.variable && data.value) {
        const composeFile = fix.composeFiles.find((f) => f === doc.uri.fsPath) ?? fix.composeFiles[0];
        const source = editorFileReader(composeFile);
        const text = source === undefined ? undefined : setServiceExtension(source, data.service, ['environment', data.variable], data.value);
        if (text !== undefined && source !== undefined) {
          out.push(action(`Set ${data.variable}=${data.value} for ECS only (x-ecs.environment of "${data.service}")`, d, replaceAll(vscode.Uri.file(composeFile), source, text)));
        }
      } else if (fix.finding.code === 'bind-mount') {
        const text = removeVolumeAtLine(doc.getText(), data.service, fix.finding.line);
        if (text !== undefined) out.push(action(`Drop this bind mount from "${data.service}"`, d, replaceAll(doc.uri, doc.getText(), text)));
      } else if (fix.finding.code === 'secret-in-environment' && data.variable) {
        const composeFile = fix.composeFiles.find((f) => f === doc.uri.fsPath) ?? fix.composeFiles[0];
        const source = editorFileReader(composeFile);
        const parameter = `/${fix.projectName ?? 'app'}/${data.variable}`;
        const moved = source === undefined ? undefined : moveVariableToSecrets(source, data.service, data.variable, parameter);
        if (moved === undefined || source === undefined) continue;
        const edit = replaceAll(vscode.Uri.file(composeFile), source, moved);
        if (doc.uri.fsPath !== composeFile) {
          // The value came from an env file: take its line out there too.
          edit.replace(doc.uri, fullRange(doc.getText()), removeEnvFileLine(doc.getText(), data.variable));
        }
        out.push(action(`Move ${data.variable} to x-ecs secrets (SSM parameter ${parameter})`, d, edit));
      }
    }
    return out;
  }
}

function action(title: string, d: vscode.Diagnostic, edit: vscode.WorkspaceEdit): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [d];
  a.edit = edit;
  a.isPreferred = true;
  return a;
}

function fullRange(text: string): vscode.Range {
  const lines = text.split('\n');
  return new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
}

function replaceAll(uri: vscode.Uri, before: string, after: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, fullRange(before), after);
  return edit;
}
