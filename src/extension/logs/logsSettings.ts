import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings';

export interface LogsSettings {
  /** ecsDeploy.logs.sinceMinutes: the backlog shown before following. */
  readonly sinceMinutes: number;
  /** ecsDeploy.logs.useLiveTail: StartLiveTail (billed per minute) instead of polling, where supported. */
  readonly useLiveTail: boolean;
  /** ecsDeploy.logs.maxBacklogLines: lines a channel keeps; a larger burst is cut with a "skipped N lines" note. */
  readonly maxBacklogLines: number;
}

export const MAX_BACKLOG_SETTING = `${SETTINGS_SECTION}.logs.maxBacklogLines`;

export function readLogsSettings(): LogsSettings {
  const cfg = vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.logs`);
  const num = (key: string, dflt: number, min: number) => {
    const v = cfg.get<number>(key, dflt);
    return Number.isFinite(v) && v >= min ? Math.floor(v) : dflt;
  };
  return {
    sinceMinutes: num('sinceMinutes', 5, 0),
    useLiveTail: cfg.get<boolean>('useLiveTail', false),
    maxBacklogLines: num('maxBacklogLines', 10000, 100),
  };
}
