import type { KernelCapabilities, LinuxParameters, SystemControl, Ulimit, UlimitName } from '@aws-sdk/client-ecs';
import { listToMap } from './listOrMap';
import { bool, get, isMap, isSeq, text } from './node';
import type { ServiceContext } from './renderContext';
import { ec2Only } from './diagnostics';

/** Fargate lets containers add only this capability. */
const FARGATE_CAPABILITIES = new Set(['SYS_PTRACE']);

/** `init`, `cap_add`, `cap_drop`, `devices` → linuxParameters; Fargate's refusals are errors. */
export function renderLinuxParameters(ctx: ServiceContext): LinuxParameters | undefined {
  const lp: LinuxParameters = {};
  if (bool(get(ctx.svc, 'init'))) lp.initProcessEnabled = true;
  const caps: KernelCapabilities = {};
  const add = get(ctx.svc, 'cap_add');
  if (isSeq(add)) {
    const names = add.items.map((i) => text(i)?.replace(/^CAP_/, '')).filter((s): s is string => !!s);
    const refused = ctx.launchType === 'FARGATE' ? names.filter((n) => !FARGATE_CAPABILITIES.has(n)) : [];
    if (refused.length) ctx.diags.error(add.pos, ec2Only(`cap_add ${refused.join(', ')}: Fargate only allows adding SYS_PTRACE; remove them`), 'capabilities');
    const kept = names.filter((n) => !refused.includes(n));
    if (kept.length) caps.add = kept;
  }
  const drop = get(ctx.svc, 'cap_drop');
  if (isSeq(drop)) {
    const names = drop.items.map((i) => text(i)?.replace(/^CAP_/, '')).filter((s): s is string => !!s);
    if (names.length) caps.drop = names;
  }
  if (caps.add || caps.drop) lp.capabilities = caps;
  const devices = get(ctx.svc, 'devices');
  if (devices) {
    if (ctx.launchType === 'FARGATE') ctx.diags.error(devices.pos, ec2Only('devices cannot be mapped on Fargate: remove them'), 'devices');
    else if (isSeq(devices)) {
      lp.devices = devices.items
        .map(text)
        .filter((s): s is string => !!s)
        .map((s) => {
          const [hostPath, containerPath = hostPath] = s.split(':');
          return { hostPath, containerPath };
        });
    }
  }
  return Object.keys(lp).length ? lp : undefined;
}

const ULIMIT_NAMES = new Set(['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack']);

export function renderUlimits(ctx: ServiceContext): Ulimit[] {
  const node = get(ctx.svc, 'ulimits');
  if (!isMap(node)) return [];
  const out: Ulimit[] = [];
  for (const e of node.entries.values()) {
    const single = Number(text(e.value));
    const soft = isMap(e.value) ? Number(text(get(e.value, 'soft'))) : single;
    const hard = isMap(e.value) ? Number(text(get(e.value, 'hard'))) : single;
    if (!ULIMIT_NAMES.has(e.key) || !Number.isInteger(soft) || !Number.isInteger(hard)) {
      ctx.diags.error(e.keyPos, `ulimit ${e.key} must be a known limit with a whole number or {soft, hard}`, 'ulimits');
      continue;
    }
    out.push({ name: e.key as UlimitName, softLimit: soft, hardLimit: hard });
  }
  return out;
}

export function renderSysctls(ctx: ServiceContext): SystemControl[] {
  const node = get(ctx.svc, 'sysctls');
  if (!node) return [];
  const m = listToMap(node);
  if (!isMap(m)) return [];
  return [...m.entries.values()].map((e) => ({ namespace: e.key, value: text(e.value) ?? '' }));
}
