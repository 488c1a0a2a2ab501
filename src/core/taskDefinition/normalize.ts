import type { ContainerDefinition, RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';
import { READ_ONLY_FIELDS } from './registerInput';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '');

/** "1 vCPU" → "1024", "0.5 vcpu" → "512", "2 GB" → "2048", numbers kept as strings. */
export function normalizeSize(value: string | undefined, kind: 'cpu' | 'memory'): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(vcpu|gb|mb)?$/.exec(v);
  if (!m) return value;
  const n = Number(m[1]);
  if (m[2] === 'vcpu' || (kind === 'cpu' && !m[2] && n < 16 && !Number.isInteger(n))) return String(Math.round(n * 1024));
  if (m[2] === 'gb') return String(Math.round(n * 1024));
  return String(n);
}

function normalizeContainer(c: ContainerDefinition, awsvpc: boolean): ContainerDefinition {
  return {
    ...c,
    essential: c.essential ?? true,
    environment: c.environment ? [...c.environment].sort(byName) : undefined,
    secrets: c.secrets ? [...c.secrets].sort(byName) : undefined,
    environmentFiles: c.environmentFiles ? [...c.environmentFiles].sort((a, b) => (a.value ?? '').localeCompare(b.value ?? '')) : undefined,
    mountPoints: c.mountPoints ? [...c.mountPoints].sort((a, b) => (a.containerPath ?? '').localeCompare(b.containerPath ?? '')) : undefined,
    volumesFrom: c.volumesFrom ? [...c.volumesFrom].sort((a, b) => (a.sourceContainer ?? '').localeCompare(b.sourceContainer ?? '')) : undefined,
    portMappings: c.portMappings
      ? c.portMappings
          .map((p) => ({ ...p, protocol: p.protocol ?? 'tcp', hostPort: awsvpc ? (p.hostPort ?? p.containerPort) : p.hostPort }))
          .sort((a, b) => (a.containerPort ?? 0) - (b.containerPort ?? 0) || (a.protocol ?? '').localeCompare(b.protocol ?? ''))
      : undefined,
    dependsOn: c.dependsOn ? [...c.dependsOn].sort((a, b) => (a.containerName ?? '').localeCompare(b.containerName ?? '')) : undefined,
    ulimits: c.ulimits ? [...c.ulimits].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')) : undefined,
  };
}

/** Drops undefined, empty arrays and empty objects; sorts object keys — so equal means equal. */
function canonical(v: unknown): Json | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) {
    const items = v.map(canonical).filter((x): x is Json => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v as object).sort()) {
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v as Json;
}

/**
 * A task definition in a form where only real changes differ: read-only fields dropped, lists
 * sorted by name, defaults filled (essential, protocol, hostPort under awsvpc), sizes as numbers.
 */
export function normalizeForDiff(td: TaskDefinition | RegisterTaskDefinitionCommandInput): Json {
  const copy: Record<string, unknown> = { ...td };
  for (const f of READ_ONLY_FIELDS) delete copy[f];
  const awsvpc = td.networkMode === 'awsvpc';
  copy.cpu = normalizeSize(td.cpu, 'cpu');
  copy.memory = normalizeSize(td.memory, 'memory');
  copy.containerDefinitions = (td.containerDefinitions ?? []).map((c) => normalizeContainer(c, awsvpc)).sort(byName);
  if (td.volumes) copy.volumes = [...td.volumes].sort(byName);
  if (td.requiresCompatibilities) copy.requiresCompatibilities = [...td.requiresCompatibilities].sort();
  return canonical(copy) ?? {};
}

/** Pretty JSON of the normalised form, for the two sides of a diff editor. */
export function diffText(td: TaskDefinition | RegisterTaskDefinitionCommandInput): string {
  return JSON.stringify(normalizeForDiff(td), null, 2) + '\n';
}

/** True when registering `next` would change nothing that matters compared with `current`. */
export function sameDefinition(current: TaskDefinition | RegisterTaskDefinitionCommandInput, next: TaskDefinition | RegisterTaskDefinitionCommandInput): boolean {
  return diffText(current) === diffText(next);
}
