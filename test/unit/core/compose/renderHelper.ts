import * as assert from 'node:assert/strict';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { renderTaskDefinition, type ComposeDiagnostic, type RenderOptions, type RenderResult } from '../../../../src/core/compose/index';

export const DIR = '/proj';

export interface RenderCase {
  /** Extra files by path relative to /proj (env files, extends files, overrides). */
  readonly files?: Record<string, string>;
  /** Compose files to merge, in order (default: compose.yaml only). */
  readonly compose?: readonly string[];
  readonly env?: Record<string, string>;
  readonly profiles?: readonly string[];
  readonly options?: Partial<RenderOptions>;
}

/** Renders an in-memory project: compose.yaml = `yaml`, other files from `c.files`. */
export function render(yaml: string, c: RenderCase = {}): RenderResult {
  const files: Record<string, string> = { 'compose.yaml': yaml, ...c.files };
  const read = (p: string) => (p.startsWith(`${DIR}/`) ? files[p.slice(DIR.length + 1)] : undefined);
  return renderTaskDefinition({
    files: (c.compose ?? ['compose.yaml']).map((f) => ({ path: `${DIR}/${f}`, text: files[f] })),
    projectDirectory: DIR,
    env: c.env ?? {},
    profiles: c.profiles ?? [],
    readFile: read,
    options: { region: 'eu-west-1', ...c.options },
  });
}

/** Renders and insists there are no errors; returns the output and the diagnostics. */
export function ok(yaml: string, c?: RenderCase) {
  const r = render(yaml, c);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'no errors expected');
  assert.ok(r.taskDefinition, 'a task definition');
  return { td: r.taskDefinition, diags: r.diagnostics, container: (name: string) => container(r, name) };
}

export function container(r: RenderResult, name: string): ContainerDefinition {
  const c = r.taskDefinition?.containerDefinitions?.find((x) => x.name === name);
  assert.ok(c, `container ${name}`);
  return c;
}

/** Renders and insists on an error matching `re`; returns it. */
export function fails(yaml: string, re: RegExp, c?: RenderCase): ComposeDiagnostic {
  const r = render(yaml, c);
  assert.equal(r.taskDefinition, undefined, 'no output when there are errors');
  const e = r.diagnostics.find((d) => d.severity === 'error' && re.test(d.message));
  assert.ok(e, `an error matching ${re}; got:\n${r.diagnostics.map((d) => `${d.severity}: ${d.message}`).join('\n')}`);
  return e;
}

export function find(diags: readonly ComposeDiagnostic[], severity: ComposeDiagnostic['severity'], re: RegExp): ComposeDiagnostic {
  const d = diags.find((x) => x.severity === severity && re.test(x.message));
  assert.ok(d, `a ${severity} matching ${re}; got:\n${diags.map((x) => `${x.severity}: ${x.message}`).join('\n')}`);
  return d;
}

export const env = (c: ContainerDefinition) => Object.fromEntries((c.environment ?? []).map((e) => [e.name, e.value]));
