import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { renderCommand } from './command';
import { parseDurationSeconds } from './duration';
import { renderEnvironment } from './environment';
import { renderHealthCheck } from './healthCheck';
import { listToMap } from './listOrMap';
import { renderLinuxParameters, renderSysctls, renderUlimits } from './linuxSettings';
import { bool, get, isMap, text } from './node';
import { renderPorts, type PortAt } from './ports';
import type { ServiceContext } from './renderContext';
import { serviceResources, type ServiceResources } from './resources';
import { DROPPED_KEYS, IGNORED_KEYS, SUPPORTED_KEYS } from './serviceKeys';
import { renderMounts, type VolumeUse } from './volumes';
import { buildRepositoryName, ecrImageOf } from './buildTargets';
import { ec2Only } from './diagnostics';

export interface RenderedService {
  readonly container: ContainerDefinition;
  readonly ports: PortAt[];
  readonly volumes: VolumeUse[];
  readonly resources: ServiceResources;
}

const FARGATE_MAX_STOP_TIMEOUT = 120;

/** Stands for the account in ECR URIs of built images when the account is not known (offline rendering). */
export const UNKNOWN_ACCOUNT = 'aws_account_id';

/** One compose service → one container definition (dependsOn and essential are set by the task). */
export function renderService(ctx: ServiceContext, containerName: string, logConfiguration: ContainerDefinition['logConfiguration']): RenderedService {
  checkKeys(ctx);
  const c: ContainerDefinition = { name: containerName, image: renderImage(ctx), essential: true };
  const ports = renderPorts(ctx);
  if (ports.length) c.portMappings = ports.map((p) => p.mapping);
  const { environment, secrets } = renderEnvironment(ctx);
  if (environment.length) c.environment = environment;
  if (secrets.length) c.secrets = secrets;
  const entryPoint = renderCommand(ctx, 'entrypoint');
  if (entryPoint?.length) c.entryPoint = entryPoint;
  const command = renderCommand(ctx, 'command');
  if (command?.length) c.command = command;
  const wd = text(get(ctx.svc, 'working_dir'));
  if (wd) c.workingDirectory = wd;
  const user = text(get(ctx.svc, 'user'));
  if (user) c.user = user;
  const stop = renderStopTimeout(ctx);
  if (stop !== undefined) c.stopTimeout = stop;
  const linux = renderLinuxParameters(ctx);
  if (linux) c.linuxParameters = linux;
  const ulimits = renderUlimits(ctx);
  if (ulimits.length) c.ulimits = ulimits;
  if (bool(get(ctx.svc, 'read_only'))) c.readonlyRootFilesystem = true;
  const hc = renderHealthCheck(ctx);
  if (hc) c.healthCheck = hc;
  const { mountPoints, uses } = renderMounts(ctx);
  if (mountPoints.length) c.mountPoints = mountPoints;
  const resources = serviceResources(ctx);
  if (resources.cpu !== undefined) c.cpu = resources.cpu;
  if (resources.memory !== undefined) c.memory = resources.memory;
  if (resources.memoryReservation !== undefined) c.memoryReservation = resources.memoryReservation;
  const labels = get(ctx.svc, 'labels');
  if (labels) {
    const m = listToMap(labels);
    if (isMap(m) && m.entries.size) c.dockerLabels = Object.fromEntries([...m.entries.values()].map((e) => [e.key, text(e.value) ?? '']));
  }
  if (bool(get(ctx.svc, 'stdin_open'))) c.interactive = true;
  if (bool(get(ctx.svc, 'tty'))) c.pseudoTerminal = true;
  const sysctls = renderSysctls(ctx);
  if (sysctls.length) c.systemControls = sysctls;
  if (bool(get(ctx.svc, 'privileged'))) {
    if (ctx.launchType === 'FARGATE') ctx.diags.error(get(ctx.svc, 'privileged')!.pos, ec2Only(`"${ctx.name}" is privileged: Fargate does not run privileged containers; remove it`), 'privileged');
    else c.privileged = true;
  }
  const logging = get(ctx.svc, 'logging');
  if (logging) ctx.diags.warn(logging.pos, `logging of "${ctx.name}" is replaced by the awslogs driver (CloudWatch Logs)`, 'logging');
  c.logConfiguration = logConfiguration;
  return { container: c, ports, volumes: uses, resources };
}

function renderImage(ctx: ServiceContext): string | undefined {
  const fromX = text(get(ctx.xEcs, 'image'));
  if (fromX) return fromX;
  const fromOption = ctx.opts.images?.[ctx.name];
  if (fromOption) return fromOption;
  const image = text(get(ctx.svc, 'image'));
  const build = get(ctx.svc, 'build');
  if (image && (!build || ecrImageOf(image))) return image;
  if (!image && !build) {
    ctx.diags.error(ctx.svc.pos, `service "${ctx.name}" has neither "image" nor "build": add one`, 'no-image');
    return undefined;
  }
  const account = ctx.opts.accountId ?? UNKNOWN_ACCOUNT;
  const repo = buildRepositoryName(ctx.project.name, ctx.name);
  const tag = image && image.includes(':') && !image.endsWith(':') ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  const uri = `${account}.dkr.ecr.${ctx.opts.region}.amazonaws.com/${repo}:${tag.replace(/[^A-Za-z0-9._-]/g, '-')}`;
  ctx.diags.warn(
    build!.pos,
    {
      cli: `"${ctx.name}" is built locally: the task uses the ECR image ${uri}${ctx.opts.accountId ? '' : ' (account unknown)'}; push the image there, name an ECR image in its "image:", or give --image ${ctx.name}=URI`,
      editor: `"${ctx.name}" is built locally: the task uses the ECR image ${uri}${ctx.opts.accountId ? '' : ' (account unknown)'}; Deploy Workspace… builds and pushes it there, or name an ECR image in its "image:" (or "x-ecs: {image: URI}" on "${ctx.name}")`,
    },
    'build-image',
    { service: ctx.name },
  );
  return uri;
}

function checkKeys(ctx: ServiceContext): void {
  for (const e of ctx.svc.entries.values()) {
    const k = e.key;
    if (SUPPORTED_KEYS.has(k) || k.startsWith('x-')) continue;
    if (k in DROPPED_KEYS) ctx.diags.warn(e.keyPos, `${k} is dropped: ${DROPPED_KEYS[k]}`, 'dropped-key', { service: ctx.name, key: k });
    else if (k in IGNORED_KEYS) ctx.diags.info(e.keyPos, `${k} is ignored: ${IGNORED_KEYS[k]}`, 'ignored-key');
    else ctx.diags.warn(e.keyPos, `unknown service key "${k}" is ignored`, 'unknown-key');
  }
  const nm = text(get(ctx.svc, 'network_mode'));
  if (nm) {
    const pos = get(ctx.svc, 'network_mode')!.pos;
    if (nm === 'host' || nm.startsWith('service:') || nm.startsWith('container:')) {
      ctx.diags.error(pos, `network_mode "${nm}" cannot run on ECS: all containers of the task share one awsvpc network (use localhost to reach each other); remove it`, 'network-mode');
    } else ctx.diags.info(pos, `network_mode "${nm}" is replaced by awsvpc`, 'network-mode');
  }
  for (const key of ['pid', 'ipc'] as const) {
    const v = text(get(ctx.svc, key));
    if (!v) continue;
    const pos = get(ctx.svc, key)!.pos;
    if (ctx.launchType === 'FARGATE' && v === 'host') ctx.diags.error(pos, ec2Only(`${key}: host is not allowed on Fargate: remove it`), key);
    else ctx.diags.warn(pos, `${key}: ${v} is dropped: set it on the task by hand if needed`, 'dropped-key', { service: ctx.name, key });
  }
  const platform = text(get(ctx.svc, 'platform'));
  if (platform) {
    const wantArm = (ctx.opts.cpuArchitecture ?? 'X86_64') === 'ARM64';
    if (/arm64|aarch64/.test(platform) !== wantArm) {
      const start = `platform ${platform} differs from the task's ${wantArm ? 'ARM64' : 'X86_64'} architecture: `;
      ctx.diags.warn(
        get(ctx.svc, 'platform')!.pos,
        { cli: `${start}build for that architecture or pass --cpu-architecture`, editor: `${start}build for that architecture (setting ecsDeploy.image.platform) or remove "platform"` },
        'platform',
      );
    }
  }
  const deploy = get(ctx.svc, 'deploy');
  const replicas = get(deploy, 'replicas');
  if (replicas) ctx.diags.info(replicas.pos, `deploy.replicas ${text(replicas) ?? ''} is the ECS service's desired count, not part of the task definition`, 'ignored-key');
}

function renderStopTimeout(ctx: ServiceContext): number | undefined {
  const node = get(ctx.svc, 'stop_grace_period');
  if (!node) return undefined;
  const s = parseDurationSeconds(text(node) ?? '');
  if (s === undefined) {
    ctx.diags.error(node.pos, `stop_grace_period "${text(node) ?? ''}" is not a duration such as 30s`, 'stop-grace-period');
    return undefined;
  }
  const whole = Math.round(s);
  if (ctx.launchType === 'FARGATE' && whole > FARGATE_MAX_STOP_TIMEOUT) {
    ctx.diags.warn(node.pos, `stop_grace_period ${text(node)} is above Fargate's maximum of ${FARGATE_MAX_STOP_TIMEOUT} s: ${FARGATE_MAX_STOP_TIMEOUT} s is used`, 'stop-grace-period');
    return FARGATE_MAX_STOP_TIMEOUT;
  }
  return Math.max(whole, 0);
}
