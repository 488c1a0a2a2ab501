import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import * as ids from '../commandIds';
import { registerWrappedCommand } from '../commandWrapper';
import type { ComposeDiagnostics } from '../compose/composeDiagnostics';
import type { ConnectionState } from '../connectionState';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { LogFollowers } from '../logs/logFollowers';
import { followLogs } from './followLogs';
import type { BuildRecords } from '../../docker/buildRecords';
import { buildAndPushImage } from './buildAndPushImage';
import { chooseConnection } from './chooseConnection';
import { copyArn } from './copyArn';
import { deployServiceCommand } from './deployService';
import { deployWorkspaceCommand } from './deployWorkspace';
import { clearExplorerFilter, filterExplorer } from './filterExplorer';
import { forceNewDeployment } from './forceNewDeployment';
import { loadMore } from './loadMore';
import { openInConsole } from './openInConsole';
import { generateTaskDefinition } from './generateTaskDefinition';
import { refreshExplorer } from './refreshExplorer';
import { retry } from './retry';
import { rollbackServiceCommand } from './rollbackService';
import { scaleService } from './scaleService';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';
import { showLogs } from './showLogs';
import { signIn } from './signIn';
import { showServiceEvents } from './showServiceEvents';
import { showTaskDefinition } from './showTaskDefinition';
import { stopTask } from './stopTask';
import { stopFollowingLogs } from './stopFollowingLogs';
import { createCluster } from './createCluster';
import { deleteAppCommand } from './deleteApp';
import { launchAppCommand } from './launchApp';
import { openUrl } from './openUrl';
import { rollBackStackUpdate } from './rollBackStackUpdate';
import { showStackEvents } from './showStackEvents';

export interface CommandDeps {
  readonly state: ConnectionState;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly explorer: ExplorerProvider;
  readonly docs: ReadonlyDocuments;
  readonly composeDiagnostics: ComposeDiagnostics;
  readonly followers: LogFollowers;
  readonly workspaceState: vscode.Memento;
  /** Earlier builds, so an unchanged one is pushed without rebuilding. */
  readonly buildRecords: BuildRecords;
}

/** The one place commands are wired to their ids. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { state, channel, log, explorer, docs, composeDiagnostics, followers, workspaceState } = deps;
  const reg = (id: string, body: Parameters<typeof registerWrappedCommand>[1], progressTitle?: string) =>
    registerWrappedCommand(id, body, log, { progressTitle });
  return [
    reg(ids.REFRESH_EXPLORER_COMMAND, refreshExplorer(state)),
    reg(ids.SELECT_PROFILE_COMMAND, selectProfile()),
    reg(ids.SELECT_REGION_COMMAND, selectRegion(state)),
    reg(ids.CHOOSE_CONNECTION_COMMAND, chooseConnection()),
    reg(ids.SHOW_EXTENSION_LOG_COMMAND, showLogs(channel)),
    reg(ids.FILTER_EXPLORER_COMMAND, filterExplorer(explorer)),
    reg(ids.CLEAR_FILTER_COMMAND, clearExplorerFilter(explorer)),
    reg(ids.LOAD_MORE_COMMAND, loadMore()),
    reg(ids.COPY_ARN_COMMAND, copyArn(state)),
    reg(ids.OPEN_IN_CONSOLE_COMMAND, openInConsole(state)),
    reg(ids.SHOW_TASK_DEFINITION_COMMAND, showTaskDefinition(state, docs)),
    reg(ids.SCALE_SERVICE_COMMAND, scaleService(state, explorer)),
    reg(ids.FORCE_NEW_DEPLOYMENT_COMMAND, forceNewDeployment(state, explorer)),
    reg(ids.DEPLOY_SERVICE_COMMAND, deployServiceCommand(state, docs, explorer, workspaceState)),
    reg(ids.ROLLBACK_SERVICE_COMMAND, rollbackServiceCommand(state, docs, explorer)),
    reg(ids.STOP_TASK_COMMAND, stopTask(state, explorer)),
    reg(ids.SHOW_SERVICE_EVENTS_COMMAND, showServiceEvents(state, docs)),
    reg(ids.SIGN_IN_COMMAND, signIn(state)),
    reg(ids.RETRY_COMMAND, retry()),
    registerWrappedCommand(ids.GENERATE_TASK_DEFINITION_COMMAND, generateTaskDefinition(state, composeDiagnostics, docs), log, {
      progressTitle: 'Generating the task definition',
    }),
    reg(ids.FOLLOW_LOGS_COMMAND, followLogs(state, followers)),
    reg(ids.STOP_FOLLOWING_LOGS_COMMAND, stopFollowingLogs(followers)),
    reg(ids.BUILD_AND_PUSH_COMMAND, buildAndPushImage(state, workspaceState, deps.buildRecords)),
    reg(ids.DEPLOY_WORKSPACE_COMMAND, deployWorkspaceCommand(state, docs, explorer, workspaceState, deps.buildRecords)),
    reg(ids.LAUNCH_COMMAND, launchAppCommand(state, docs, explorer, deps.buildRecords)),
    reg(ids.DELETE_APP_COMMAND, deleteAppCommand(state, explorer)),
    reg(ids.SHOW_STACK_EVENTS_COMMAND, showStackEvents(state, docs)),
    reg(ids.OPEN_URL_COMMAND, openUrl()),
    reg(ids.ROLL_BACK_STACK_COMMAND, rollBackStackUpdate(state)),
    reg(ids.CREATE_CLUSTER_COMMAND, createCluster(state, explorer)),
  ];
}
