import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatDiagnostic } from '../../core/compose/index';
import { previewChangeSet } from '../../core/stack/changeSetPreview';
import { launchCostEstimate } from '../../core/stack/launchCost';
import type { LaunchOptions } from '../../core/stack/launchOptions';
import { hasXEcs, withLaunchXEcs } from '../../core/stack/launchXEcs';
import { formatStackEvent } from '../../core/stack/stackEvents';
import { UserError } from '../../core/userError';
import type { BuildRecords } from '../../docker/buildRecords';
import { createDockerClient } from '../../docker/engine';
import { gitInfoOf } from '../../flows/gitInfo';
import { composeInput } from '../../flows/renderCompose';
import { readAccountFacts } from '../../flows/stack/accountFacts';
import { launchApp, LaunchRenderError, type LaunchPreview, type LaunchResult } from '../../flows/stack/launchApp';
import { FOLLOW_LOGS_COMMAND, OPEN_URL_COMMAND, ROLL_BACK_STACK_COMMAND, SHOW_STACK_EVENTS_COMMAND } from '../commandIds';
import type { CommandBody } from '../commandWrapper';
import { pickComposeFile } from '../compose/composeTargets';
import { composeFilesFor, editorFileReader } from '../compose/editorFiles';
import type { ConnectionState } from '../connectionState';
import { awaitDecision } from '../decision/awaitDecision';
import { readImageSettings } from '../image/imageSettings';
import { askLaunchAnswers } from '../launch/launchSteps';
import { confirmInPreview } from '../launch/launchPreview';
import { READONLY_SCHEME, type ReadonlyDocuments } from '../readonlyDocuments';
import { readDeploySettings } from '../settings';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** Automation and tests: answers instead of the steps, and no questions. */
interface LaunchCommandOptions {
  readonly answers?: LaunchOptions;
  readonly confirmed?: boolean;
}

/** The compose project of a file, as `ecs-deploy up` reads it, with unsaved editor text. */
function composeRequest(file: string, region: string) {
  return { files: composeFilesFor(file), projectDirectory: path.dirname(file), processEnv: process.env, cwd: path.dirname(file), readFile: editorFileReader, options: { region } };
}

/** Writes the answers into the compose file's x-ecs; a file that has one shows the diff first. */
async function writeAnswers(uri: vscode.Uri, answers: LaunchOptions, docs: ReadonlyDocuments, confirmed: boolean, signal: AbortSignal): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const before = doc.getText();
  const after = withLaunchXEcs(before, answers);
  if (after === undefined) throw new UserError(`${vscode.workspace.asRelativePath(uri)} does not parse as YAML: fix it, then launch again`);
  if (after === before) return;
  if (hasXEcs(before) && !confirmed) {
    const right = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/x-ecs/${Date.now()}/${path.basename(uri.fsPath)}` });
    docs.set(right, after);
    const ok = await awaitDecision({
      title: `Update x-ecs in ${path.basename(uri.fsPath)}`,
      question: `Write the launch settings into the x-ecs block of ${path.basename(uri.fsPath)}? The diff shows the change`,
      proceedLabel: 'Save',
      about: { resources: [uri, right] },
      show: () => vscode.commands.executeCommand('vscode.diff', uri, right, `${path.basename(uri.fsPath)} ↔ with the launch settings`, { preview: true }),
      signal,
    });
    if (!ok) return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(before.length)), after);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}

/** The outcome in words, with what to do next. */
function announce(result: LaunchResult, log: { info(m: string): void; error(m: string): void; warn(m: string): void }): void {
  switch (result.outcome) {
    case 'declined':
      log.info(`Launch of ${result.stackName} cancelled: nothing was changed`);
      return;
    case 'created':
    case 'updated':
    case 'unchanged': {
      const live = result.url.startsWith('http') ? `${result.app.serviceName} is live at ${result.url}` : `${result.app.serviceName} runs (${result.url})`;
      const words = result.outcome === 'unchanged' ? `${live} — no changes to make.` : `${live}.`;
      log.info(words);
      const actions = result.url.startsWith('http') ? ['Open in Browser', 'Follow Logs'] : ['Follow Logs'];
      void vscode.window.showInformationMessage(words, ...actions).then((choice) => {
        if (choice === 'Open in Browser') void vscode.commands.executeCommand(OPEN_URL_COMMAND, result.url);
        if (choice === 'Follow Logs') void vscode.commands.executeCommand(FOLLOW_LOGS_COMMAND, { cluster: result.app.clusterName, service: result.app.serviceName });
      });
      return;
    }
    case 'stopped-watching': {
      log.info(result.message);
      // Cancel only stopped the watching; rolling an update back is a separate, confirmed choice.
      const updating = result.stack.status === 'UPDATE_IN_PROGRESS';
      void vscode.window
        .showInformationMessage(`Stopped watching ${result.stackName}: CloudFormation goes on (${result.stack.status}).`, 'Show Stack Events', ...(updating ? ['Roll Back Now…'] : []))
        .then((c) => {
          if (c === 'Show Stack Events') void vscode.commands.executeCommand(SHOW_STACK_EVENTS_COMMAND, result.stackName);
          if (c === 'Roll Back Now…') void vscode.commands.executeCommand(ROLL_BACK_STACK_COMMAND, result.stackName);
        });
      return;
    }
    default:
      log.error(result.message);
      void vscode.window.showErrorMessage(result.message, 'Show Stack Events').then((c) => {
        if (c) void vscode.commands.executeCommand(SHOW_STACK_EVENTS_COMMAND, result.stackName);
      });
  }
}

/**
 * ECS: Launch on ECS… — from a compose file to a running, load-balanced service: six steps (with
 * Back), the answers saved in the file's x-ecs, a preview of what the stack creates and costs, then
 * the same flow as `ecs-deploy up` in one cancellable notification. Cancel before Launch leaves
 * nothing behind; after it, Cancel only stops watching.
 */
export function launchAppCommand(state: ConnectionState, docs: ReadonlyDocuments, explorer: ExplorerProvider, buildRecords: BuildRecords): CommandBody {
  return async ({ signal, log, withProgress }, composeArg?: unknown, optionsArg?: unknown) => {
    const options = (typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {}) as LaunchCommandOptions;
    const compose = await pickComposeFile(composeArg);
    if (!compose) return undefined;
    const file = compose.fsPath;
    const { clients, connection } = await state.get();
    const request = composeRequest(file, connection.region);

    let answers = options.answers;
    if (!answers) {
      const facts = await withProgress('Launch on ECS: reading your account', () => readAccountFacts(clients, log, signal));
      answers = await askLaunchAnswers({ ...composeInput(request), options: request.options }, facts, {});
    }
    await writeAnswers(compose, answers, docs, options.confirmed === true, signal);

    const image = readImageSettings();
    const result = await withProgress(`Launch ${answers.service ?? 'the app'} on ECS`, (progress) =>
      launchApp(
        {
          compose: request,
          launch: answers,
          platform: image.platform,
          noCache: image.noCache,
          timeoutMs: readDeploySettings().timeoutMinutes * 60_000,
          confirm: (p: LaunchPreview) =>
            confirmInPreview(
              {
                kind: p.kind,
                serviceName: p.app.serviceName,
                stackName: p.stackName,
                region: connection.region,
                rows: previewChangeSet(p.changes, p.template),
                cost: launchCostEstimate(p.app, p.template, connection.region),
                secretNames: p.secretNames,
                warnings: p.diagnostics.filter((d) => d.severity === 'warning').map((d) => formatDiagnostic(d, vscode.workspace.asRelativePath(d.file))),
              },
              { templateBody: p.templateBody, docs, signal, preconfirmed: options.confirmed === true },
            ),
          confirmRecreate: async (name, status) =>
            options.confirmed === true ||
            (await vscode.window.showWarningMessage(`${name} is ${status}: an earlier launch failed and was rolled back. Delete the empty stack and launch again?`, { modal: true }, 'Delete and Launch')) ===
              'Delete and Launch',
        },
        {
          clients,
          log,
          progress,
          signal,
          onStackEvent: (e) => log.info(formatStackEvent(e)),
          onDiagnostic: (d) => (d.severity === 'warning' ? log.warn : log.info)(formatDiagnostic(d, vscode.workspace.asRelativePath(d.file))),
          images: async () => ({ docker: createDockerClient(image.dockerHost), dockerHost: image.dockerHost, ecr: clients.ecr, connection, gitInfo: gitInfoOf, buildRecords }),
        },
      ).catch((err: unknown) => {
        if (err instanceof LaunchRenderError) throw new UserError(`${err.message} — see the Problems panel of ${path.basename(file)}`);
        throw err;
      }),
    );
    announce(result, log);
    explorer.refresh();
    return result;
  };
}
