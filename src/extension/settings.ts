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
