import * as vscode from 'vscode';
import { listProfiles } from '../../aws/profiles';
import { DEFAULT_CHAIN_LABEL } from '../../core/connection';
import type { CommandBody } from '../commandWrapper';
import { readConnectionSettings, updateSetting } from '../settings';

const DEFAULT_CHAIN = '';

/** ECS: Select Profile… — profiles of the shared config/credentials files, SSO ones marked. */
export function selectProfile(): CommandBody {
  return async ({ log }, profileArg?: unknown) => {
    let chosen: string | undefined = typeof profileArg === 'string' ? profileArg : undefined;
    if (chosen === undefined) {
      const current = readConnectionSettings().profile ?? '';
      const profiles = await listProfiles();
      const items: Array<vscode.QuickPickItem & { profile: string }> = [
        {
          label: `$(key) ${DEFAULT_CHAIN_LABEL}`,
          description: current === DEFAULT_CHAIN ? 'current' : undefined,
          detail: 'Environment variables, then the "default" profile, then container or instance roles',
          profile: DEFAULT_CHAIN,
        },
        ...profiles.map((p) => ({
          label: `$(account) ${p.name}`,
          description: [p.name === current ? 'current' : undefined, p.sso ? 'SSO' : undefined, p.region]
            .filter(Boolean)
            .join(' · '),
          detail: `from ${p.sources.join(' and ')} file`,
          profile: p.name,
        })),
      ];
      if (profiles.length === 0) log.info('No profiles found in ~/.aws/config or ~/.aws/credentials');
      const pick = await vscode.window.showQuickPick(items, {
        title: 'ECS: Select Profile',
        placeHolder: profiles.length ? 'AWS profile to use' : 'No profiles in ~/.aws/config or ~/.aws/credentials',
        matchOnDescription: true,
      });
      if (!pick) return undefined;
      chosen = pick.profile;
    }
    await updateSetting('profile', chosen);
    log.info(`Profile set to ${chosen || DEFAULT_CHAIN_LABEL}`);
    return chosen;
  };
}
