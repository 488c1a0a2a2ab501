import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import {
  CHOOSE_CONNECTION_COMMAND,
  FOLLOW_LOGS_COMMAND,
  REFRESH_EXPLORER_COMMAND,
  SELECT_PROFILE_COMMAND,
  SELECT_REGION_COMMAND,
  SHOW_LOGS_COMMAND,
  STOP_FOLLOWING_LOGS_COMMAND,
} from '../commandIds';
import { registerWrappedCommand } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import type { LogFollowers } from '../logs/logFollowers';
import { followLogs } from './followLogs';
import { chooseConnection } from './chooseConnection';
import { refreshExplorer } from './refreshExplorer';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';
import { showLogs } from './showLogs';
import { stopFollowingLogs } from './stopFollowingLogs';

export interface CommandDeps {
  readonly state: ConnectionState;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly followers: LogFollowers;
}

/** The one place commands are wired to their ids. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { state, channel, log, followers } = deps;
  return [
    registerWrappedCommand(REFRESH_EXPLORER_COMMAND, refreshExplorer(state), log),
    registerWrappedCommand(SELECT_PROFILE_COMMAND, selectProfile(), log),
    registerWrappedCommand(SELECT_REGION_COMMAND, selectRegion(state), log),
    registerWrappedCommand(CHOOSE_CONNECTION_COMMAND, chooseConnection(), log),
    registerWrappedCommand(SHOW_LOGS_COMMAND, showLogs(channel), log),
    registerWrappedCommand(FOLLOW_LOGS_COMMAND, followLogs(state, followers), log),
    registerWrappedCommand(STOP_FOLLOWING_LOGS_COMMAND, stopFollowingLogs(followers), log),
  ];
}
