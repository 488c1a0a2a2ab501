import type { PortMapping, TransportProtocol } from '@aws-sdk/client-ecs';
import type { SourcePos } from './diagnostics';
import { get, isMap, isSeq, text, type CNode } from './node';
import type { ServiceContext } from './renderContext';

export interface PortAt {
  readonly mapping: PortMapping;
  readonly pos: SourcePos;
}

const MAX_RANGE = 100;

/**
 * `ports` (short "[ip:][published:]target[/proto]", ranges, numbers; long {target, published,
 * protocol, name}) → portMappings. Under awsvpc only the container port matters; hostPort equals it.
 */
export function renderPorts(ctx: ServiceContext): PortAt[] {
  const node = get(ctx.svc, 'ports');
  if (!node) return [];
  if (!isSeq(node)) {
    ctx.diags.error(node.pos, '"ports" must be a list', 'ports');
    return [];
  }
  const out: PortAt[] = [];
  for (const item of node.items) {
    for (const p of parsePort(item, ctx)) {
      const dup = out.find((o) => o.mapping.containerPort === p.mapping.containerPort && o.mapping.protocol === p.mapping.protocol);
      if (dup) ctx.diags.info(p.pos, `port ${p.mapping.containerPort} is already mapped for "${ctx.name}": one mapping is kept`, 'duplicate-port');
      else out.push(p);
    }
  }
  return out;
}

function parsePort(item: CNode, ctx: ServiceContext): PortAt[] {
  const pos = item.pos;
  if (isMap(item)) {
    const target = Number(text(get(item, 'target')));
    const protocol = (text(get(item, 'protocol')) ?? 'tcp').toLowerCase();
    const published = text(get(item, 'published'));
    const name = text(get(item, 'name'));
    if (!Number.isInteger(target) || target < 1 || target > 65535) {
      ctx.diags.error(pos, `a long-syntax port needs "target": a container port 1–65535`, 'ports');
      return [];
    }
    if (!checkProtocol(protocol, pos, ctx)) return [];
    if (name && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) {
      ctx.diags.warn(pos, `port name "${name}" is not valid for ECS (lower-case letters, digits, "-"): it is left out`, 'ports');
    }
    publishedNote(published, target, pos, ctx);
    const mapping: PortMapping = { containerPort: target, hostPort: target, protocol: protocol as TransportProtocol };
    if (name && /^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) mapping.name = name;
    return [{ mapping, pos }];
  }
  const raw = text(item);
  if (raw === undefined) {
    ctx.diags.error(pos, 'a port must be "CONTAINER", "HOST:CONTAINER" or a mapping with "target"', 'ports');
    return [];
  }
  const [spec, proto = 'tcp'] = raw.split('/');
  const protocol = proto.toLowerCase();
  if (!checkProtocol(protocol, pos, ctx)) return [];
  // The container part is after the last ":" (an IPv6 host ip is bracketed).
  const parts = spec.replace(/^\[[^\]]*\]:/, 'ip:').split(':');
  const target = parts[parts.length - 1];
  const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const range = /^(\d+)(?:-(\d+))?$/.exec(target);
  if (!range) {
    ctx.diags.error(pos, `port "${raw}": the container port must be a number or a range such as 3000-3005`, 'ports');
    return [];
  }
  const from = Number(range[1]);
  const to = Number(range[2] ?? range[1]);
  if (from < 1 || to > 65535 || to < from || to - from >= MAX_RANGE) {
    ctx.diags.error(pos, `port "${raw}" is out of range: container ports are 1–65535, ranges at most ${MAX_RANGE} ports`, 'ports');
    return [];
  }
  if (published && published !== '') publishedNote(published, from, pos, ctx, to > from);
  const out: PortAt[] = [];
  for (let p = from; p <= to; p++) out.push({ mapping: { containerPort: p, hostPort: p, protocol: protocol as TransportProtocol }, pos });
  return out;
}

function checkProtocol(protocol: string, pos: SourcePos, ctx: ServiceContext): boolean {
  if (protocol === 'tcp' || protocol === 'udp') return true;
  ctx.diags.error(pos, `port protocol "${protocol}" is not supported by ECS: use tcp or udp`, 'ports');
  return false;
}

function publishedNote(published: string | undefined, target: number, pos: SourcePos, ctx: ServiceContext, isRange = false): void {
  if (!published || isRange) return;
  const first = Number(published.split('-')[0]);
  if (Number.isFinite(first) && first !== target) {
    ctx.diags.warn(
      pos,
      `published port ${published} is ignored: under awsvpc the task listens on container port ${target}; put ${published} on the load balancer instead`,
      'published-port',
    );
  }
}
