import { parseMemoryMiB } from './duration';
import { get, text, type CNode } from './node';
import type { ServiceContext } from './renderContext';

export interface ServiceResources {
  /** cpu units (1 vCPU = 1024) from limits, else reservations. */
  readonly cpu?: number;
  /** Hard limit (MiB). */
  readonly memory?: number;
  /** Soft limit (MiB). */
  readonly memoryReservation?: number;
}

/** A service that says nothing counts as this much toward the task size. */
export const DEFAULT_SERVICE_CPU = 256;
export const DEFAULT_SERVICE_MEMORY = 512;

/** `deploy.resources` (and the older `cpus`, `mem_limit`, `mem_reservation`) of one service. */
export function serviceResources(ctx: ServiceContext): ServiceResources {
  const res = get(get(ctx.svc, 'deploy'), 'resources');
  const limits = get(res, 'limits');
  const reservations = get(res, 'reservations');
  const cpus = cpuUnits(get(limits, 'cpus') ?? get(ctx.svc, 'cpus'), ctx) ?? cpuUnits(get(reservations, 'cpus'), ctx);
  const memory = mib(get(limits, 'memory') ?? get(ctx.svc, 'mem_limit'), ctx);
  const memoryReservation = mib(get(reservations, 'memory') ?? get(ctx.svc, 'mem_reservation'), ctx);
  return { cpu: cpus, memory, memoryReservation: memory !== undefined && memoryReservation !== undefined && memoryReservation > memory ? memory : memoryReservation };
}

function cpuUnits(node: CNode | undefined, ctx: ServiceContext): number | undefined {
  const s = text(node);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0) {
    ctx.diags.error(node!.pos, `cpus "${s}" is not a positive number of CPUs`, 'resources');
    return undefined;
  }
  return Math.max(1, Math.ceil(n * 1024));
}

function mib(node: CNode | undefined, ctx: ServiceContext): number | undefined {
  const s = text(node);
  if (s === undefined) return undefined;
  const v = parseMemoryMiB(typeof (node as { value?: unknown }).value === 'number' ? Number(s) : s);
  if (v === undefined) ctx.diags.error(node!.pos, `memory "${s}" is not a size such as 512M or 1G`, 'resources');
  else if (v < 6) ctx.diags.error(node!.pos, `memory "${s}" is below Docker's minimum of 6 MiB`, 'resources');
  return v !== undefined && v >= 6 ? v : undefined;
}
