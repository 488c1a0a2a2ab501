import type { ContainerDependency, ContainerCondition } from '@aws-sdk/client-ecs';
import { editorProfileHint, type DiagnosticBag, type SourcePos } from './diagnostics';
import { dependsOnToMap } from './listOrMap';
import { get, isMap, text, type CMap } from './node';

const CONDITIONS: Record<string, ContainerCondition> = {
  service_started: 'START',
  service_healthy: 'HEALTHY',
  service_completed_successfully: 'SUCCESS',
};

export interface DependsOnInput {
  readonly services: ReadonlyMap<string, CMap>;
  readonly disabled: ReadonlyMap<string, readonly string[]>;
  readonly containerName: (service: string) => string;
  readonly hasHealthCheck: (service: string) => boolean;
}

/**
 * `depends_on` of every service → container `dependsOn`; also returns the services that others
 * wait on with service_completed_successfully (one-shot jobs: not essential).
 */
export function renderDependsOn(input: DependsOnInput, diags: DiagnosticBag): { dependsOn: Map<string, ContainerDependency[]>; oneShot: Set<string> } {
  const dependsOn = new Map<string, ContainerDependency[]>();
  const oneShot = new Set<string>();
  const edges = new Map<string, { target: string; pos: SourcePos }[]>();
  for (const [name, svc] of input.services) {
    const node = get(svc, 'depends_on');
    if (!node) continue;
    const map = dependsOnToMap(node);
    if (!isMap(map)) {
      diags.error(node.pos, 'depends_on must be a list of services or a mapping of service → {condition}', 'depends-on');
      continue;
    }
    const deps: ContainerDependency[] = [];
    for (const e of map.entries.values()) {
      const target = e.key;
      const required = text(get(e.value, 'required')) !== 'false';
      if (!input.services.has(target)) {
        const profiles = input.disabled.get(target);
        if (profiles && !required) continue;
        const start = `"${name}" depends on "${target}": `;
        const message = profiles
          ? {
              cli: `${start}it is only enabled with profile ${profiles.join(' or ')}: pass --profile ${profiles[0]}`,
              editor: `${start}it is only enabled with profile ${profiles.join(' or ')}: ${editorProfileHint(profiles[0])}`,
            }
          : `${start}no such service; the services are ${[...input.services.keys()].join(', ')}`;
        diags.error(e.keyPos, message, 'unknown-dependency');
        continue;
      }
      if (target === name) {
        diags.error(e.keyPos, `"${name}" depends on itself`, 'unknown-dependency');
        continue;
      }
      const condName = text(get(e.value, 'condition')) ?? 'service_started';
      const condition = CONDITIONS[condName];
      if (!condition) {
        diags.error(get(e.value, 'condition')?.pos ?? e.keyPos, `depends_on condition "${condName}" is not one of ${Object.keys(CONDITIONS).join(', ')}`, 'depends-on');
        continue;
      }
      if (condition === 'HEALTHY' && !input.hasHealthCheck(target)) {
        diags.error(e.keyPos, `"${name}" waits for "${target}" to be healthy, but "${target}" has no healthcheck: add one or use service_started`, 'depends-on');
        continue;
      }
      if (condition === 'SUCCESS') oneShot.add(target);
      deps.push({ containerName: input.containerName(target), condition });
      (edges.get(name) ?? edges.set(name, []).get(name)!).push({ target, pos: e.keyPos });
    }
    if (deps.length) dependsOn.set(name, deps);
  }
  reportCycle(edges, diags);
  return { dependsOn, oneShot };
}

function reportCycle(edges: Map<string, { target: string; pos: SourcePos }[]>, diags: DiagnosticBag): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string, trail: string[]): boolean => {
    if (state.get(n) === 'done') return false;
    if (state.get(n) === 'visiting') {
      const first = edges.get(trail[trail.length - 1])?.find((x) => x.target === n);
      diags.error(first!.pos, `depends_on makes a cycle: ${[...trail.slice(trail.indexOf(n)), n].join(' → ')}; no container could start`, 'depends-on-cycle');
      return true;
    }
    state.set(n, 'visiting');
    for (const e of edges.get(n) ?? []) if (visit(e.target, [...trail, n])) return true;
    state.set(n, 'done');
    return false;
  };
  for (const n of edges.keys()) if (visit(n, [])) return;
}
