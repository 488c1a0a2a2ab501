import { resolveConnection, type ConnectionSettings, type ResolvedConnection } from '../core/connection';
import { profileRegions } from './profiles';

/** Resolves profile and region the way the AWS CLI does, reading the profile's region from ~/.aws/config. */
export async function resolveConnectionFromFiles(
  settings: ConnectionSettings,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ResolvedConnection> {
  let regions = new Map<string, string>();
  try {
    regions = await profileRegions();
  } catch {
    // Unreadable shared files: the provider chain reports the real problem when credentials are needed.
  }
  return resolveConnection(settings, { env, profileRegion: (p) => regions.get(p) });
}
