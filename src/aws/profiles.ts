import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface ProfileInfo {
  readonly name: string;
  readonly region?: string;
  /** Signs in through IAM Identity Center (sso_session or sso_start_url). */
  readonly sso: boolean;
  /** Which shared files mention it. */
  readonly sources: ReadonlyArray<'config' | 'credentials'>;
}

/**
 * The profiles of the shared config and credentials files (AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE are honoured by the loader), sorted by name.
 */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  // Non-profile sections of the config file come back as "sso-session.NAME" / "services.NAME".
  const isProfile = (key: string) => !/^(sso-session|services)\./.test(key);
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter(isProfile));
  return [...names].sort().map((name) => {
    const cfg = configFile[name] ?? {};
    const sources: Array<'config' | 'credentials'> = [];
    if (configFile[name]) sources.push('config');
    if (credentialsFile[name]) sources.push('credentials');
    return {
      name,
      region: cfg.region ?? credentialsFile[name]?.region,
      sso: Boolean(cfg.sso_session ?? cfg.sso_start_url),
      sources,
    };
  });
}

/** The region written in a profile, for resolving the connection when no region is set. */
export async function profileRegions(): Promise<Map<string, string>> {
  const regions = new Map<string, string>();
  for (const p of await listProfiles()) if (p.region) regions.set(p.name, p.region);
  return regions;
}
