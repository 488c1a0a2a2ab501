import * as path from 'node:path';
import * as vscode from 'vscode';
import { plural } from '../../core/clusterSummary';
import { taskDefinitionFileName } from '../../core/compose/index';
import type { CommandBody } from '../commandWrapper';
import type { ComposeDiagnostics } from '../compose/composeDiagnostics';
import { editorFileReader } from '../compose/editorFiles';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import { connectionFacts, pickComposeFile } from '../compose/composeTargets';
import { renderForComposeFile } from '../compose/renderForFile';
import type { ConnectionState } from '../connectionState';
import { SETTINGS_SECTION } from '../settings';


/** Second command argument: lets a caller (the e2e suite) answer the replace prompt. */
export interface GenerateOptions {
  readonly confirmReplace?: (fileName: string) => Thenable<boolean>;
}

const askToReplace = async (name: string): Promise<boolean> =>
  (await vscode.window.showWarningMessage(`${name} already exists. Replace it with the generated task definition?`, { modal: true }, 'Replace')) === 'Replace';

/**
 * ECS: Generate Task Definition from Compose File… — renders the compose project to
 * `<family>.taskdef.json` beside the compose file (or in ecsDeploy.taskDefinitionFolder), opens
 * it; an existing, different file is shown as a diff and only replaced when the user says so.
 */
export function generateTaskDefinition(state: ConnectionState, diagnostics: ComposeDiagnostics, docs: ReadonlyDocuments): CommandBody {
  return async ({ signal, log, progress }, arg, options?: unknown) => {
    const confirmReplace = (options as GenerateOptions | undefined)?.confirmReplace ?? askToReplace;
    const composeUri = await pickComposeFile(arg);
    if (!composeUri) return undefined;
    progress.report({ message: 'reading the compose project' });
    const { region, accountId } = await connectionFacts(state, signal, (m) => log.debug(m));
    diagnostics.accountId = accountId ?? diagnostics.accountId;
    const result = renderForComposeFile(composeUri.fsPath, { region, accountId });
    diagnostics.refresh(composeUri.fsPath);
    const count = (s: string) => result.diagnostics.filter((d) => d.severity === s).length;
    if (!result.taskDefinition) {
      const first = result.diagnostics.find((d) => d.severity === 'error');
      const choice = await vscode.window.showErrorMessage(
        `${path.basename(composeUri.fsPath)} has ${count('error')} problem(s) ECS cannot run${first ? `, e.g. line ${first.line}: ${first.message}` : ''}. Nothing was written.`,
        'Show Problems',
      );
      if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    const target = vscode.Uri.file(path.join(targetFolder(composeUri), taskDefinitionFileName(result.family!)));
    const json = JSON.stringify(result.taskDefinition, null, 2) + '\n';
    const existing = editorFileReader(target.fsPath);
    if (existing !== undefined && existing !== json) {
      const name = path.basename(target.fsPath);
      await vscode.commands.executeCommand('vscode.diff', target, docs.put(`proposed/${name}`, json), `${name} ↔ generated from ${path.basename(composeUri.fsPath)}`);
      if (!(await confirmReplace(name))) return undefined;
    }
    if (existing !== json) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(target.fsPath)));
      await vscode.workspace.fs.writeFile(target, Buffer.from(json, 'utf8'));
    }
    await vscode.window.showTextDocument(target, { preview: false });
    const containers = result.taskDefinition.containerDefinitions?.length ?? 0;
    log.info(`wrote ${target.fsPath}: ${containers} containers, cpu ${result.taskDefinition.cpu}, memory ${result.taskDefinition.memory}`);
    void vscode.window
      .showInformationMessage(
        `${existing === json ? 'Up to date' : 'Wrote'} ${path.basename(target.fsPath)}: ${plural(containers, 'container')}, ${plural(count('warning'), 'warning')}${count('warning') ? ' — see Problems' : ''}.`,
        ...(count('warning') ? ['Show Problems'] : []),
      )
      .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return target;
  };
}

function targetFolder(composeUri: vscode.Uri): string {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION, composeUri).get<string>('taskDefinitionFolder', '').trim();
  return path.resolve(path.dirname(composeUri.fsPath), setting || '.');
}
