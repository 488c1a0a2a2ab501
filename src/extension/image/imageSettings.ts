import * as vscode from 'vscode';
import { dockerHostOf } from '../../docker/engine';
import { DEFAULT_PLATFORM } from '../../flows/buildAndPush';
import { SETTINGS_SECTION } from '../settings';

export interface ImageSettings {
  /** The engine: ecsDeploy.dockerHost, else DOCKER_HOST, else the platform's default socket. */
  readonly dockerHost: string;
  readonly platform: string;
  readonly buildArgs: Record<string, string>;
  readonly target?: string;
  /** Every step built again, no earlier identical build reused. */
  readonly noCache: boolean;
}

export function readImageSettings(): ImageSettings {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const host = cfg.get<string>('dockerHost', '').trim();
  const buildArgs = cfg.get<Record<string, unknown>>('image.buildArgs', {}) ?? {};
  return {
    dockerHost: host || dockerHostOf(process.env),
    platform: cfg.get<string>('image.platform', '').trim() || DEFAULT_PLATFORM,
    buildArgs: Object.fromEntries(Object.entries(buildArgs).map(([k, v]) => [k, String(v)])),
    target: cfg.get<string>('image.target', '').trim() || undefined,
    noCache: cfg.get<boolean>('image.noCache', false) === true,
  };
}
