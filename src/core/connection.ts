/** Where AWS calls go: the same four knobs for the extension's settings and the CLI's options. */
export interface ConnectionSettings {
  /** Profile name from the shared config/credentials files; empty means AWS_PROFILE, else "default". */
  readonly profile?: string;
  /** Region; empty means the profile's region, else AWS_REGION, else the default region. */
  readonly region?: string;
  /** One custom endpoint for every AWS service (LocalStack, moto); empty means real AWS. */
  readonly endpoint?: string;
  /** Registry host:port that replaces the address ECR reports (emulators). */
  readonly ecrRegistryAddress?: string;
}

/** The connection with profile and region decided, as clients are built from it. */
export interface ResolvedConnection {
  /**
   * The profile chosen in settings or AWS_PROFILE; undefined leaves the SDK's default chain
   * whole (environment credentials first, then the "default" profile).
   */
  readonly profile?: string;
  readonly region: string;
  readonly endpoint?: string;
  readonly ecrRegistryAddress?: string;
}

export const DEFAULT_PROFILE = 'default';
export const DEFAULT_REGION = 'us-east-1';

export interface ResolutionContext {
  /** process.env, or a stand-in. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The region written in the chosen profile of ~/.aws/config, if any. */
  readonly profileRegion?: (profile: string) => string | undefined;
}

const nonEmpty = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** Settings win over the environment, which wins over the profile's own region. */
export function resolveConnection(settings: ConnectionSettings, ctx: ResolutionContext): ResolvedConnection {
  const profile = nonEmpty(settings.profile) ?? nonEmpty(ctx.env.AWS_PROFILE);
  const region =
    nonEmpty(settings.region) ??
    nonEmpty(ctx.env.AWS_REGION) ??
    nonEmpty(ctx.env.AWS_DEFAULT_REGION) ??
    nonEmpty(ctx.profileRegion?.(profile ?? DEFAULT_PROFILE)) ??
    DEFAULT_REGION;
  return {
    profile,
    region,
    endpoint: nonEmpty(settings.endpoint),
    ecrRegistryAddress: nonEmpty(settings.ecrRegistryAddress),
  };
}

/** What the profile picker calls "no profile chosen"; the status bar and the view say the same. */
export const DEFAULT_CHAIN_LABEL = 'Default credential chain';

/** The profile as people see it: its name, or the default credential chain. */
export function profileLabel(c: Pick<ResolvedConnection, 'profile'>): string {
  return c.profile ?? DEFAULT_CHAIN_LABEL;
}

/** "ECS: dev · eu-west-1", plus a marker when an emulator endpoint is in use. */
export function connectionLabel(c: ResolvedConnection): string {
  return `ECS: ${profileLabel(c)} · ${c.region}${c.endpoint ? ' (custom endpoint)' : ''}`;
}

/** Checks an endpoint setting before any client is built, so a typo gets a plain message. */
export function validateEndpoint(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `The endpoint "${endpoint}" is not a URL — write it as http://host:port`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The endpoint "${endpoint}" must start with http:// or https://`;
  }
  return undefined;
}

/** The profile as people name it: the SDK's chain without a profile reads "default". */
export function profileName(c: ResolvedConnection): string {
  return c.profile ?? DEFAULT_PROFILE;
}

/** Only plain profile names are put on a shell command line (e.g. `aws sso login --profile X`). */
export function isSafeProfileName(name: string): boolean {
  return /^[\w.+@-]+$/.test(name);
}
