import { DEFAULT_REGION } from '../../core/connection';
import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type CpuArchitecture, type LaunchType } from '../../core/compose/index';
import { isRegionId } from '../../core/regions';
import { accountFromArn, renderComposeProject } from '../../flows/renderCompose';
import { UsageError } from '../args';
import type { CommandContext } from '../command';

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function choice<T extends string>(value: string | undefined, option: string, allowed: Record<string, T>): T | undefined {
  if (value === undefined) return undefined;
  const v = allowed[value.toLowerCase()];
  if (!v) throw new UsageError(`--${option} must be ${Object.keys(allowed).join(' or ')}, not '${value}'`);
  return v;
}

function imageOverrides(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf('=');
    if (at <= 0 || at === v.length - 1) throw new UsageError(`--image takes SERVICE=URI, not '${v}'`);
    out[v.slice(0, at)] = v.slice(at + 1);
  }
  return out;
}

/** A diagnostic's path as the user typed it: relative to the current folder when inside it. */
function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export async function run({ io, args, connection, log }: CommandContext): Promise<number> {
  const v = args.values;
  if (args.positionals.length) throw new UsageError(`render takes no arguments, got '${args.positionals[0]}' (use -f FILE)`);
  const launchType = choice<LaunchType>(str(v['launch-type']), 'launch-type', { fargate: 'FARGATE', ec2: 'EC2' });
  const cpuArchitecture = choice<CpuArchitecture>(str(v['cpu-architecture']), 'cpu-architecture', { x86_64: 'X86_64', arm64: 'ARM64' });
  const images = imageOverrides(list(v.image));
  const regionOption = str(v.region);
  if (regionOption !== undefined && !isRegionId(regionOption)) throw new UsageError(`--region '${regionOption}' is not a region id such as us-east-1`);
  // The region only fills awslogs-region: read it like every command, without calling AWS.
  const region = regionOption ?? (await connection().then((c) => c.region, () => io.env.AWS_REGION ?? DEFAULT_REGION));
  const executionRoleArn = str(v['execution-role-arn']);
  const taskRoleArn = str(v['task-role-arn']);
  const cwd = process.cwd();
  const result = renderComposeProject({
    files: list(v.file),
    projectDirectory: str(v['project-directory']),
    envFile: str(v['env-file']),
    profiles: list(v.profile),
    processEnv: io.env,
    cwd,
    options: {
      region,
      launchType,
      cpuArchitecture,
      images,
      family: str(v.family),
      executionRoleArn,
      taskRoleArn,
      logGroup: str(v['log-group']),
      accountId: accountFromArn(executionRoleArn) ?? accountFromArn(taskRoleArn),
    },
  });
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d, shownPath(d.file, cwd)));
  if (!result.taskDefinition) return 1;
  const json = JSON.stringify(result.taskDefinition, null, 2);
  const out = str(v.output);
  if (out) {
    fs.writeFileSync(path.resolve(cwd, out), json + '\n');
    log.info(`wrote ${out} (family ${result.family})`);
  } else io.stdout(json);
  return 0;
}
