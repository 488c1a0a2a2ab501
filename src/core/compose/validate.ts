import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { isValidFargateSize } from './fargateSize';
import { HEALTH_LIMITS } from './healthCheck';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const IMAGE = /^[A-Za-z0-9_\-.:/#@]{1,255}$/;
export const MAX_CONTAINERS = 10;

/**
 * The checks RegisterTaskDefinition makes (and a few it should): the converter runs them on its
 * own output, and the property test on every output. Returns the problems; empty means valid.
 */
export function validateTaskDefinition(td: RegisterTaskDefinitionCommandInput): string[] {
  const problems: string[] = [];
  const p = (s: string) => problems.push(s);
  if (!td.family || !NAME.test(td.family)) p(`family "${td.family}" must be 1–255 letters, digits, "-" or "_"`);
  const containers = td.containerDefinitions ?? [];
  if (containers.length === 0) p('a task needs at least one container');
  if (containers.length > MAX_CONTAINERS) p(`a task holds at most ${MAX_CONTAINERS} containers`);
  if (!containers.some((c) => c.essential !== false)) p('at least one container must be essential');
  const names = new Set<string>();
  const ports = new Set<string>();
  const volumes = new Set((td.volumes ?? []).map((v) => v.name));
  for (const c of containers) {
    if (!c.name || !NAME.test(c.name)) p(`container name "${c.name}" is not valid`);
    if (names.has(c.name!)) p(`two containers are named "${c.name}"`);
    names.add(c.name!);
    if (!c.image || !IMAGE.test(c.image)) p(`container ${c.name}: image "${c.image}" is not valid`);
    for (const m of c.portMappings ?? []) {
      const key = `${m.containerPort}/${m.protocol ?? 'tcp'}`;
      if (!Number.isInteger(m.containerPort) || m.containerPort! < 1 || m.containerPort! > 65535) p(`container ${c.name}: port ${m.containerPort} out of range`);
      if (td.networkMode === 'awsvpc' && m.hostPort !== undefined && m.hostPort !== m.containerPort) p(`container ${c.name}: hostPort must equal containerPort under awsvpc`);
      if (ports.has(key)) p(`port ${key} is used twice in the task`);
      ports.add(key);
    }
    for (const e of [...(c.environment ?? []), ...(c.secrets ?? [])]) if (!e.name) p(`container ${c.name}: a variable has no name`);
    const envNames = (c.environment ?? []).map((e) => e.name!);
    if (envNames.join('\n') !== [...envNames].sort().join('\n')) p(`container ${c.name}: environment is not sorted`);
    const hc = c.healthCheck;
    if (hc) {
      if (!hc.command?.length || !['CMD', 'CMD-SHELL'].includes(hc.command[0])) p(`container ${c.name}: health check command must start with CMD or CMD-SHELL`);
      const within = (v: number | undefined, [lo, hi]: readonly [number, number]) => v === undefined || (Number.isInteger(v) && v >= lo && v <= hi);
      if (!within(hc.interval, HEALTH_LIMITS.interval) || !within(hc.timeout, HEALTH_LIMITS.timeout) || !within(hc.retries, HEALTH_LIMITS.retries) || !within(hc.startPeriod, HEALTH_LIMITS.start_period)) {
        p(`container ${c.name}: health check values out of ECS's ranges`);
      }
    }
    for (const m of c.mountPoints ?? []) if (!volumes.has(m.sourceVolume)) p(`container ${c.name}: mount of unknown volume ${m.sourceVolume}`);
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory) p(`container ${c.name}: memoryReservation above memory`);
  }
  for (const c of containers) {
    for (const d of c.dependsOn ?? []) {
      if (!names.has(d.containerName!) || d.containerName === c.name) p(`container ${c.name}: depends on unknown container ${d.containerName}`);
    }
  }
  const fargate = td.requiresCompatibilities?.includes('FARGATE');
  if (fargate) {
    if (td.networkMode !== 'awsvpc') p('Fargate needs networkMode awsvpc');
    if (!isValidFargateSize(Number(td.cpu), Number(td.memory))) p(`cpu ${td.cpu} / memory ${td.memory} is not a valid Fargate size`);
    const sum = (f: (c: (typeof containers)[number]) => number | undefined) => containers.reduce((a, c) => a + (f(c) ?? 0), 0);
    if (sum((c) => c.cpu) > Number(td.cpu)) p('containers ask for more cpu than the task has');
    if (sum((c) => c.memory ?? c.memoryReservation) > Number(td.memory)) p('containers ask for more memory than the task has');
    for (const c of containers) if (c.privileged) p(`container ${c.name}: Fargate refuses privileged containers`);
  }
  return problems;
}
