import path from 'node:path';
import * as vscode from 'vscode';
import { fileBuildRecords } from '../docker/buildRecords';
import { DEFAULT_REGION, profileLabel } from '../core/connection';
import { registerCommands } from './commands/registerCommands';
import { ComposeCodeActions } from './compose/composeCodeActions';
import { ComposeDiagnostics } from './compose/composeDiagnostics';
import { connectionFacts } from './compose/composeTargets';
import { ConnectionState } from './connectionState';
import { pendingDecision, registerDecisionCommands, settleDecision, type PendingDecision } from './decision/awaitDecision';
import { createOutput } from './output';
import { ReadonlyDocuments } from './readonlyDocuments';
import { LogFollowers } from './logs/logFollowers';
import { useSelectionOf } from './pickers';
import { createStatusBar } from './statusBar';
import type { ExplorerNode } from './tree/explorerNode';
import { ExplorerProvider } from './tree/explorerProvider';

/** What activate() hands to tests and to other extensions. */
export interface EcsDeployApi {
  readonly explorer: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly connection: ConnectionState;
  readonly composeDiagnostics: ComposeDiagnostics;
  /** Followed service logs (ECS: Follow Logs). */
  readonly logs: LogFollowers;
  /** The pending Deploy / Launch question (a webview's buttons, or tests, settle it). */
  readonly decisions: {
    pending(): PendingDecision | undefined;
    settle(proceed: boolean): boolean;
  };
}

export function activate(context: vscode.ExtensionContext): EcsDeployApi {
  const { channel, logger } = createOutput();
  const state = new ConnectionState(logger);
  const explorer = new ExplorerProvider(state, logger);
  const docs = new ReadonlyDocuments();
  const followers = new LogFollowers(logger);
  const view = vscode.window.createTreeView('ecsDeploy.explorer', { treeDataProvider: explorer });
  // Palette commands act on the selected row (or within its cluster) before asking.
  useSelectionOf({ get selection() { return view.selection.filter((n) => explorer.isCurrent(n)); } });
  // Deploying services poll only while someone can see them.
  explorer.visible = view.visible;
  // The view's own description says which account the tree shows, and the filter when one is on.
  const describeView = () =>
    state.get().then(
      ({ connection }) => (view.description = [explorer.filter ? `filter "${explorer.filter}"` : '', `${profileLabel(connection)} · ${connection.region}`].filter(Boolean).join(' · ')),
      () => (view.description = explorer.filter ? `filter "${explorer.filter}"` : undefined),
    );
  const showFilter = (filter: string | undefined) => {
    view.message = filter ? `Showing only names containing "${filter}" — Clear Filter (title bar) shows everything again.` : undefined;
    void describeView();
  };
  void describeView();
  // Diagnostics call AWS once per connection (sts:GetCallerIdentity): the account is in ECR image
  // URIs and the default execution role, and findings must not change once it is known.
  const composeDiagnostics = new ComposeDiagnostics(
    logger,
    () => vscode.workspace.getConfiguration('ecsDeploy').get<string>('region') || process.env.AWS_REGION || DEFAULT_REGION,
    () => connectionFacts(state, AbortSignal.timeout(5000), (m) => logger.debug(m)).then((f) => f.accountId),
  );

  context.subscriptions.push(
    channel,
    state,
    explorer,
    view,
    docs,
    view.onDidChangeVisibility((e) => (explorer.visible = e.visible)),
    state.onDidChange(() => void describeView()),
    state.onDidChange(() => composeDiagnostics.lookUpAccount()),
    explorer.onDidChangeFilter(showFilter),
    createStatusBar(state),
    composeDiagnostics,
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new ComposeCodeActions(composeDiagnostics), {
      providedCodeActionKinds: ComposeCodeActions.kinds,
    }),
    followers,
    ...registerDecisionCommands(),
    ...registerCommands({ state, channel, log: logger, explorer, docs, composeDiagnostics, followers, workspaceState: context.workspaceState, buildRecords: fileBuildRecords(path.join(context.globalStorageUri.fsPath, 'builds')) }),
  );
  logger.info(`ECS Deploy ${context.extension.packageJSON.version as string} activated`);
  return {
    explorer,
    view,
    connection: state,
    composeDiagnostics,
    logs: followers,
    decisions: { pending: pendingDecision, settle: settleDecision },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
