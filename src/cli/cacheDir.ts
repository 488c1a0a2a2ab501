import os from 'node:os';
import path from 'node:path';

/**
 * The CLI's cache folder (build records): ECS_DEPLOY_CACHE_DIR, else the platform's user cache
 * ($XDG_CACHE_HOME or ~/.cache; %LOCALAPPDATA% on Windows) + "ecs-deploy".
 */
export function cacheDirOf(env: Readonly<Record<string, string | undefined>>): string {
  if (env.ECS_DEPLOY_CACHE_DIR?.trim()) return path.resolve(env.ECS_DEPLOY_CACHE_DIR.trim());
  const base = process.platform === 'win32' ? (env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local')) : env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'ecs-deploy');
}
