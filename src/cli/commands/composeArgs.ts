import { DEFAULT_REGION } from '../../core/connection';
import path from 'node:path';
import { isRegionId } from '../../core/regions';
import { UsageError } from '../args';
import type { CommandContext } from '../command';

/** COMPOSE: the options that say which compose project to read (render, template, up). */
export const COMPOSE_OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  'project-directory': { type: 'string' },
  'env-file': { type: 'string' },
  // --profile is the Compose profile (repeatable) for these commands; the AWS profile comes from AWS_PROFILE.
  profile: { type: 'string', multiple: true },
  image: { type: 'string', multiple: true },
  family: { type: 'string' },
} as const;

export const COMPOSE_USAGE = '[-f FILE]... [--project-directory DIR] [--env-file FILE] [--profile NAME]... [--image SERVICE=URI]... [--family NAME]';

export const COMPOSE_HELP = [
  '  -f, --file FILE             compose file (repeatable, merged in order)',
  "  --project-directory DIR     base for relative paths (default: the first file's folder)",
  '  --env-file FILE             variables for interpolation instead of DIR/.env',
  '  --profile NAME              enable a Compose profile (repeatable). Here --profile is',
  '                              the Compose profile; the AWS profile is read from AWS_PROFILE',
  '  --image SERVICE=URI         image for a service (repeatable), e.g. for services with build:',
  '  --family NAME               task family (default: the project name)',
];

export const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The COMPOSE_OPTIONS that say which project to read, as the render flows take them, read from the current folder. */
export function composeSource(values: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>) {
  return {
    files: list(values.file),
    projectDirectory: str(values['project-directory']),
    envFile: str(values['env-file']),
    profiles: list(values.profile),
    processEnv: env,
    cwd: process.cwd(),
  };
}

/** `--image SERVICE=URI`… as a map. */
export function imageOverrides(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf('=');
    if (at <= 0 || at === v.length - 1) throw new UsageError(`--image takes SERVICE=URI, not '${v}'`);
    out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}

/** A diagnostic's path as the user typed it: relative to the current folder when inside it. */
export function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The region for awslogs: --region, else the profile's or AWS_REGION, else us-east-1 — without calling AWS. */
export async function renderRegion({ io, args, connection }: CommandContext): Promise<string> {
  const regionOption = str(args.values.region);
  if (regionOption !== undefined && !isRegionId(regionOption)) throw new UsageError(`--region '${regionOption}' is not a region id such as us-east-1`);
  return regionOption ?? (await connection().then((c) => c.region, () => io.env.AWS_REGION ?? DEFAULT_REGION));
}

/** The compose commands take options only: a stray word is most often a compose file without -f. */
export function refuseArguments(command: string, positionals: readonly string[]): void {
  if (positionals.length) throw new UsageError(`${command} takes no arguments, got '${positionals[0]}' (use -f FILE)`);
}
