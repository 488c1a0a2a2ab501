import { LAUNCH_OPTION_NAMES, launchValueProblem, type LaunchKey, type LaunchOptions } from '../../core/stack/index';
import { UsageError } from '../args';
import { formatDiagnostic, type ComposeDiagnostic } from '../../core/compose/index';
import { isUsageDiagnostic } from '../../core/stack/index';
import type { CliIo } from '../io';
import { shownPath } from './composeArgs';
import type { ParsedCommandLine } from '../args';

/** INFRA: the app's infrastructure options (template, up). They win over the compose file's top-level x-ecs. */
export const LAUNCH_OPTIONS = {
  service: { type: 'string' },
  cluster: { type: 'string' },
  vpc: { type: 'string' },
  subnets: { type: 'string' },
  port: { type: 'string' },
  'health-check-path': { type: 'string' },
  'certificate-arn': { type: 'string' },
  desired: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
  'cpu-target': { type: 'string' },
  ephemeral: { type: 'string', multiple: true },
} as const;

export const LAUNCH_USAGE =
  '[--service NAME] [--cluster NAME] [--vpc default|new|VPC_ID] [--subnets ID,ID] [--port SERVICE:CONTAINER_PORT] [--health-check-path PATH] [--certificate-arn ARN] [--desired N] [--min N --max N --cpu-target PCT] [--ephemeral VOLUME]...';

export const LAUNCH_HELP = [
  '  --service NAME              ECS service (default: x-ecs service, else the task family)',
  '  --cluster NAME              cluster, made when it does not exist (default: x-ecs cluster, else the project name)',
  "  --vpc default|new|VPC_ID    the account's default VPC (default), a new one in the stack, or an existing one",
  '  --subnets ID,ID             with --vpc VPC_ID: two public subnets in two availability zones',
  '  --port SERVICE:CONTAINER_PORT  what the load balancer serves (default: the one service that publishes',
  '                              ports, its first container port); none: a private service, no load balancer',
  "  --health-check-path PATH    the target group's health check (default: the path of the container's",
  '                              own health check URL, else /)',
  '  --certificate-arn ARN       ACM certificate: HTTPS on 443, and 80 redirects to it',
  '  --desired N                 tasks to run (default: deploy.replicas, else 1)',
  '  --min N --max N --cpu-target PCT  auto scaling on average CPU (cpu target default 70)',
  '  --ephemeral VOLUME          keep a named volume on task storage instead of EFS (repeatable);',
  '                              its data is lost when the task stops',
];

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function whole(value: string | undefined, key: LaunchKey): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${LAUNCH_OPTION_NAMES[key].flag} takes a whole number, not '${value}'`);
  return Number(value);
}

/** The INFRA flags as LaunchOptions; a value that cannot be right is a usage error (exit 2). */
export function parseLaunchArgs(values: ParsedCommandLine['values']): LaunchOptions {
  const cpu = str(values['cpu-target']);
  if (cpu !== undefined && !/^\d+(\.\d+)?%?$/.test(cpu)) throw new UsageError(`--cpu-target takes a CPU percentage such as 60, not '${cpu}'`);
  const subnets = str(values.subnets);
  const ephemeral = values.ephemeral;
  const options: LaunchOptions = {
    service: str(values.service),
    cluster: str(values.cluster),
    vpc: str(values.vpc),
    subnets: subnets === undefined ? undefined : subnets.split(',').map((s) => s.trim()).filter(Boolean),
    port: str(values.port),
    healthCheckPath: str(values['health-check-path']),
    certificateArn: str(values['certificate-arn']),
    desired: whole(str(values.desired), 'desired'),
    min: whole(str(values.min), 'min'),
    max: whole(str(values.max), 'max'),
    cpuTarget: cpu === undefined ? undefined : Number(cpu.replace('%', '')),
    ephemeral: Array.isArray(ephemeral) ? ephemeral.flatMap((e) => e.split(',')).map((e) => e.trim()).filter(Boolean) : undefined,
  };
  for (const key of Object.keys(options) as LaunchKey[]) {
    const v = options[key];
    if (v === undefined) {
      delete options[key];
      continue;
    }
    const problem = launchValueProblem(key, v as NonNullable<LaunchOptions[typeof key]>);
    if (problem) throw new UsageError(`${LAUNCH_OPTION_NAMES[key].flag} ${problem}`);
  }
  return options;
}

/** Without a terminal nothing can be confirmed: changing AWS needs --yes. */
export function confirmer(io: CliIo, yes: boolean, what: string): ((question: string) => Promise<boolean>) | undefined {
  if (yes) return undefined;
  if (!io.ask) throw new UsageError(`${what} without a terminal to confirm on: pass --yes`);
  return io.ask;
}

/** Findings as render prints them; one about the options themselves (a --port naming no service…) is the usage error. */
export function reportStackDiagnostics(io: CliIo, diagnostics: readonly ComposeDiagnostic[], cwd: string): void {
  for (const d of diagnostics) if (!isUsageDiagnostic(d)) io.stderr(formatDiagnostic(d, shownPath(d.file, cwd)));
  const usage = diagnostics.find(isUsageDiagnostic);
  if (usage) throw new UsageError(usage.message);
}
