import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import {
  BUILD_AND_PUSH_COMMAND,
  CHOOSE_CONNECTION_COMMAND,
  REFRESH_EXPLORER_COMMAND,
  SELECT_PROFILE_COMMAND,
  SELECT_REGION_COMMAND,
  SHOW_LOGS_COMMAND,
} from '../commandIds';
import { registerWrappedCommand } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { buildAndPushImage } from './buildAndPushImage';
import { chooseConnection } from './chooseConnection';
import { refreshExplorer } from './refreshExplorer';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';
import { showLogs } from './showLogs';

export interface CommandDeps {
  readonly state: ConnectionState;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly workspaceState: vscode.Memento;
}

/** The one place commands are wired to their ids. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { state, channel, log, workspaceState } = deps;
  return [
    registerWrappedCommand(REFRESH_EXPLORER_COMMAND, refreshExplorer(state), log),
    registerWrappedCommand(SELECT_PROFILE_COMMAND, selectProfile(), log),
    registerWrappedCommand(SELECT_REGION_COMMAND, selectRegion(state), log),
    registerWrappedCommand(CHOOSE_CONNECTION_COMMAND, chooseConnection(), log),
    registerWrappedCommand(SHOW_LOGS_COMMAND, showLogs(channel), log),
    registerWrappedCommand(BUILD_AND_PUSH_COMMAND, buildAndPushImage(state, workspaceState), log),
  ];
}
