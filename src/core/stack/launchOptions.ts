/**
 * The app's infrastructure options (INFRA of `template`/`up`): command-line flags, the editor's
 * answers, or the compose file's top-level `x-ecs` — flags winning. One check per value lives
 * here, used by the CLI (usage errors) and by the stack (diagnostics on the x-ecs line).
 */
export interface LaunchOptions {
  service?: string;
  cluster?: string;
  /** 'default' | 'new' | a VPC id */
  vpc?: string;
  /** With a VPC id: exactly two subnets, in two zones. */
  subnets?: string[];
  /** 'SERVICE:CONTAINER_PORT', or 'none' for a private service. */
  port?: string;
  healthCheckPath?: string;
  certificateArn?: string;
  desired?: number;
  min?: number;
  max?: number;
  cpuTarget?: number;
  /** Named volumes kept on task storage. */
  ephemeral?: string[];
  logRetentionDays?: number;
}

export type LaunchKey = keyof LaunchOptions;

/** How each option is named on the command line and under the top-level `x-ecs`. */
export const LAUNCH_OPTION_NAMES: Readonly<Record<LaunchKey, { readonly flag: string; readonly xEcs: string }>> = {
  service: { flag: '--service', xEcs: 'service' },
  cluster: { flag: '--cluster', xEcs: 'cluster' },
  vpc: { flag: '--vpc', xEcs: 'vpc' },
  subnets: { flag: '--subnets', xEcs: 'subnets' },
  port: { flag: '--port', xEcs: 'port' },
  healthCheckPath: { flag: '--health-check-path', xEcs: 'healthCheckPath' },
  certificateArn: { flag: '--certificate-arn', xEcs: 'certificateArn' },
  desired: { flag: '--desired', xEcs: 'desiredCount' },
  min: { flag: '--min', xEcs: 'scaling.min' },
  max: { flag: '--max', xEcs: 'scaling.max' },
  cpuTarget: { flag: '--cpu-target', xEcs: 'scaling.cpuTarget' },
  ephemeral: { flag: '--ephemeral', xEcs: 'ephemeral' },
  logRetentionDays: { flag: 'logRetentionDays', xEcs: 'logRetentionDays' },
};

/** Tasks one ECS service may run (its quota). */
export const MAX_TASKS = 5000;
export const DEFAULT_CPU_TARGET = 70;
export const DEFAULT_LOG_RETENTION_DAYS = 30;
/** The values CloudWatch Logs accepts for a log group's retention. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const VPC_ID = /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/;
const SUBNET_ID = /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/;
const PORT_CHOICE = /^([A-Za-z0-9._-]+):(\d{1,5})$/;
// The characters an ALB health check path accepts.
const HEALTH_PATH = /^\/[A-Za-z0-9_\-.;/?@&=+$!*'()%:~,]{0,1023}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:(acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+|iam::\d{12}:server-certificate\/\S+)$/;
const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The public container and port `--port` names. */
export interface PortChoice {
  readonly service: string;
  readonly port: number;
}

/** 'none' (private), the choice, or undefined when the text is not SERVICE:CONTAINER_PORT. */
export function parsePortChoice(s: string): PortChoice | 'none' | undefined {
  if (s === 'none') return 'none';
  const m = PORT_CHOICE.exec(s);
  if (!m) return undefined;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? { service: m[1], port } : undefined;
}

const isWhole = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;

/**
 * What is wrong with one option's value, as the end of a sentence that starts with the option's
 * name ("--port must be …", "x-ecs port must be …"); undefined when it is fine.
 */
export function launchValueProblem<K extends LaunchKey>(key: K, value: NonNullable<LaunchOptions[K]>): string | undefined {
  const v = value as unknown;
  switch (key) {
    case 'service':
    case 'cluster':
      return ECS_NAME.test(v as string) ? undefined : `must be 1–255 letters, digits, "-" or "_", not '${v}'`;
    case 'vpc':
      return v === 'default' || v === 'new' || VPC_ID.test(v as string) ? undefined : `must be default, new or a VPC id (vpc-…), not '${v}'`;
    case 'subnets': {
      const list = v as string[];
      const bad = list.find((s) => !SUBNET_ID.test(s));
      if (bad !== undefined) return `takes subnet ids (subnet-…), not '${bad}'`;
      if (list.length !== 2 || list[0] === list[1]) return `takes exactly two subnets in two availability zones (the load balancer and EFS need two), got ${list.length === 2 ? 'the same one twice' : list.length}`;
      return undefined;
    }
    case 'port':
      return parsePortChoice(v as string) ? undefined : `must be SERVICE:CONTAINER_PORT (the port the container listens on, e.g. backend:3000) or none, not '${v}'`;
    case 'healthCheckPath':
      return HEALTH_PATH.test(v as string) ? undefined : `must be a URL path starting with "/" (e.g. /healthz), not '${v}'`;
    case 'certificateArn':
      return CERTIFICATE_ARN.test(v as string) ? undefined : `must be an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID), not '${v}'`;
    case 'desired':
      return isWhole(v as number, 0, MAX_TASKS) ? undefined : `must be a whole number of tasks from 0 to ${MAX_TASKS}, not '${v}'`;
    case 'min':
    case 'max':
      return isWhole(v as number, 1, MAX_TASKS) ? undefined : `must be a whole number of tasks from 1 to ${MAX_TASKS}, not '${v}'`;
    case 'cpuTarget':
      return typeof v === 'number' && v > 0 && v <= 100 ? undefined : `must be a CPU percentage above 0 and at most 100, not '${v}'`;
    case 'ephemeral': {
      const bad = (v as string[]).find((s) => !VOLUME_NAME.test(s));
      return bad === undefined ? undefined : `takes named volumes of the compose file, not '${bad}'`;
    }
    case 'logRetentionDays':
      return (LOG_RETENTION_DAYS as readonly number[]).includes(v as number) ? undefined : `must be one of CloudWatch Logs' retentions (${LOG_RETENTION_DAYS.join(', ')} days), not '${v}'`;
    default:
      return undefined;
  }
}

/** A problem between options (not of one value); `keys` are the options involved. */
export interface LaunchCombinationProblem {
  readonly keys: readonly LaunchKey[];
  readonly message: string;
}

/** Checks that need several options together; run on the merged options (flags over x-ecs). */
export function launchCombinationProblems(o: LaunchOptions, label: (k: LaunchKey) => string): LaunchCombinationProblem[] {
  const out: LaunchCombinationProblem[] = [];
  if (o.subnets && !(o.vpc && VPC_ID.test(o.vpc))) {
    out.push({ keys: ['subnets', 'vpc'], message: `${label('subnets')} goes with a VPC id (${label('vpc')} vpc-…): the subnets must be in that VPC` });
  }
  if (o.certificateArn && o.port === 'none') {
    out.push({ keys: ['certificateArn', 'port'], message: `${label('certificateArn')} needs a load balancer, but ${label('port')} is none (a private service)` });
  }
  const scaling = o.min !== undefined || o.max !== undefined || o.cpuTarget !== undefined;
  if (scaling && o.max === undefined) {
    const given = (['min', 'cpuTarget'] as const).filter((k) => o[k] !== undefined);
    out.push({ keys: [...given, 'max'], message: `auto scaling needs ${label('max')} N too (${given.map(label).join(' and ')} given)` });
  }
  if (o.min !== undefined && o.max !== undefined && o.min > o.max) {
    out.push({ keys: ['min', 'max'], message: `${label('min')} ${o.min} is above ${label('max')} ${o.max}` });
  }
  if (o.desired !== undefined && o.max !== undefined && (o.desired > o.max || o.desired < (o.min ?? 1))) {
    out.push({ keys: ['desired', 'min', 'max'], message: `${label('desired')} ${o.desired} is outside the scaling range ${o.min ?? 1}–${o.max}` });
  }
  return out;
}
