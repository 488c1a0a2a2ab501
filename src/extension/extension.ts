import * as vscode from 'vscode';
import { profileName } from '../core/connection';
import { registerCommands } from './commands/registerCommands';
import { ConnectionState } from './connectionState';
import { createOutput } from './output';
import { createStatusBar } from './statusBar';
import { ExplorerProvider } from './tree/explorerProvider';

/** What activate() hands to tests and to other extensions. */
export interface EcsDeployApi {
  readonly explorer: ExplorerProvider;
  readonly connection: ConnectionState;
}

export function activate(context: vscode.ExtensionContext): EcsDeployApi {
  const { channel, logger } = createOutput();
  const state = new ConnectionState(logger);
  const explorer = new ExplorerProvider(state, logger);
  const view = vscode.window.createTreeView('ecsDeploy.explorer', { treeDataProvider: explorer });
  // The view's own description says which account view the tree shows.
  const describeView = () =>
    state.get().then(
      ({ connection }) => (view.description = `${profileName(connection)} · ${connection.region}`),
      () => (view.description = undefined),
    );
  void describeView();

  context.subscriptions.push(
    channel,
    state,
    explorer,
    view,
    state.onDidChange(() => void describeView()),
    createStatusBar(state),
    ...registerCommands({ state, channel, log: logger, workspaceState: context.workspaceState }),
  );
  logger.info(`ECS Deploy ${context.extension.packageJSON.version as string} activated`);
  return { explorer, connection: state };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
