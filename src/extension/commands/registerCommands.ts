import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import {
  CHOOSE_CONNECTION_COMMAND,
  GENERATE_TASK_DEFINITION_COMMAND,
  REFRESH_EXPLORER_COMMAND,
  SELECT_PROFILE_COMMAND,
  SELECT_REGION_COMMAND,
  SHOW_LOGS_COMMAND,
} from '../commandIds';
import { registerWrappedCommand } from '../commandWrapper';
import type { ComposeDiagnostics } from '../compose/composeDiagnostics';
import type { ProposedContent } from '../compose/proposedContent';
import type { ConnectionState } from '../connectionState';
import { chooseConnection } from './chooseConnection';
import { generateTaskDefinition } from './generateTaskDefinition';
import { refreshExplorer } from './refreshExplorer';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';
import { showLogs } from './showLogs';

export interface CommandDeps {
  readonly state: ConnectionState;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly composeDiagnostics: ComposeDiagnostics;
  readonly proposed: ProposedContent;
}

/** The one place commands are wired to their ids. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { state, channel, log, composeDiagnostics, proposed } = deps;
  return [
    registerWrappedCommand(REFRESH_EXPLORER_COMMAND, refreshExplorer(state), log),
    registerWrappedCommand(SELECT_PROFILE_COMMAND, selectProfile(), log),
    registerWrappedCommand(SELECT_REGION_COMMAND, selectRegion(state), log),
    registerWrappedCommand(CHOOSE_CONNECTION_COMMAND, chooseConnection(), log),
    registerWrappedCommand(SHOW_LOGS_COMMAND, showLogs(channel), log),
    registerWrappedCommand(GENERATE_TASK_DEFINITION_COMMAND, generateTaskDefinition(state, composeDiagnostics, proposed), log, {
      progressTitle: 'Generating the task definition',
    }),
  ];
}
