import * as vscode from 'vscode';
import type { ConnectionSettings } from '../core/connection';

/** The one typed view of `contributes.configuration` in package.json. */
export const SETTINGS_SECTION = 'ecsDeploy';

export type SettingKey = 'profile' | 'region' | 'endpoint' | 'ecrRegistryAddress';

export function readConnectionSettings(): ConnectionSettings {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    profile: cfg.get<string>('profile', ''),
    region: cfg.get<string>('region', ''),
    endpoint: cfg.get<string>('endpoint', ''),
    ecrRegistryAddress: cfg.get<string>('ecrRegistryAddress', ''),
  };
}

/** Writes where the value is already set (workspace or user), else to user settings. */
export async function updateSetting(key: SettingKey, value: string): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = cfg.inspect<string>(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await cfg.update(key, value, target);
}

export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return (['profile', 'region', 'endpoint', 'ecrRegistryAddress'] as const).some((k) =>
    e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`),
  );
}

export interface ExplorerSettings {
  /** Cluster names (or ARNs) to show; empty shows all. */
  readonly clusters: string[];
  /** How often a deploying service refreshes itself; 0 turns it off. */
  readonly autoRefreshSeconds: number;
}

export function readExplorerSettings(): ExplorerSettings {
  const cfg = vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.explorer`);
  const seconds = cfg.get<number>('autoRefreshSeconds', 5);
  return {
    clusters: cfg.get<string[]>('clusters', []).filter((c) => typeof c === 'string' && c.trim()).map((c) => c.trim()),
    autoRefreshSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.max(2, seconds) : 0,
  };
}

export interface DeploySettings {
  /** How long a rollout is watched before it is reported as timed out. */
  readonly timeoutMinutes: number;
}

export function readDeploySettings(): DeploySettings {
  const minutes = vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.deploy`).get<number>('timeoutMinutes', 30);
  return { timeoutMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 30 };
}
