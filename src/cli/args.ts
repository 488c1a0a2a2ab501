import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ConnectionSettings } from '../core/connection';

/** Misuse of the command line: exit code 2 and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every subcommand takes, mirroring the extension's settings. */
export const GLOBAL_OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  'ecr-registry-address': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface ParsedCommandLine {
  readonly command?: string;
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | string[] | undefined>;
}

/** Parses global and command options wherever they stand; unknown options are usage errors. */
export function parseCommandLine(argv: readonly string[], commandOptions: OptionSpec): ParsedCommandLine {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...GLOBAL_OPTIONS, ...commandOptions },
      allowPositionals: true,
      strict: true,
    });
    return { command: positionals[0], positionals: positionals.slice(1), values };
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** Options win over environment variables, as with the AWS CLI. */
export function connectionSettingsFrom(
  values: ParsedCommandLine['values'],
  env: Readonly<Record<string, string | undefined>>,
): ConnectionSettings {
  const opt = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return {
    profile: opt('profile') ?? env.AWS_PROFILE,
    region: opt('region') ?? env.AWS_REGION,
    endpoint: opt('endpoint') ?? env.ECS_DEPLOY_ENDPOINT,
    ecrRegistryAddress: opt('ecr-registry-address') ?? env.ECS_DEPLOY_ECR_REGISTRY_ADDRESS,
  };
}

/** A required string option's value, trimmed; missing or blank is a usage error. */
export function requiredString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`);
  return v.trim();
}
