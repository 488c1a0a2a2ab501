import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { ComposeDiagnostic } from '../../../../src/core/compose/index';
import { renderStackTemplate, type LaunchOptions, type StackRenderResult, type StackResource, type StackTemplate } from '../../../../src/core/stack/index';
import { renderComposeStack } from '../../../../src/flows/renderCompose';

export const DIR = '/proj';
export const ROOT = path.resolve(__dirname, '../../../../..');
export const SAMPLE_APP = path.join(ROOT, 'test', 'fixtures', 'sample-app');

/** The stack of an in-memory project: compose.yaml = `yaml`, other files from `files`. */
export function stack(yaml: string, launch: LaunchOptions = {}, files: Record<string, string> = {}): StackRenderResult {
  const all: Record<string, string> = { 'compose.yaml': yaml, ...files };
  return renderStackTemplate({
    files: [{ path: `${DIR}/compose.yaml`, text: yaml }],
    projectDirectory: DIR,
    env: {},
    profiles: [],
    readFile: (p) => (p.startsWith(`${DIR}/`) ? all[p.slice(DIR.length + 1)] : undefined),
    options: { region: 'eu-west-1' },
    launch,
  });
}

/** The stack of a project folder on disk (the fixtures), read as the CLI reads it. */
export function stackOf(dir: string, launch: LaunchOptions = {}): StackRenderResult {
  return renderComposeStack({ cwd: dir, processEnv: {}, options: { region: 'us-east-1' }, launch });
}

/** Insists on a template without errors. */
export function ok(r: StackRenderResult): StackTemplate {
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((e) => e.message), [], 'no errors expected');
  assert.ok(r.template, 'a template');
  return r.template;
}

/** Insists on an error matching `re`, and no template. */
export function fails(r: StackRenderResult, re: RegExp): ComposeDiagnostic {
  assert.equal(r.template, undefined, 'no template when there are errors');
  const e = r.diagnostics.find((d) => d.severity === 'error' && re.test(d.message));
  assert.ok(e, `an error matching ${re}; got:\n${r.diagnostics.map((d) => `${d.severity}: ${d.message}`).join('\n')}`);
  return e;
}

export function find(r: StackRenderResult, severity: ComposeDiagnostic['severity'], re: RegExp): ComposeDiagnostic {
  const d = r.diagnostics.find((x) => x.severity === severity && re.test(x.message));
  assert.ok(d, `a ${severity} matching ${re}; got:\n${r.diagnostics.map((x) => `${x.severity}: ${x.message}`).join('\n')}`);
  return d;
}

export function resource(t: StackTemplate, id: string): StackResource {
  const r = t.Resources[id];
  assert.ok(r, `resource ${id}; have ${Object.keys(t.Resources).join(', ')}`);
  return r;
}

export const ofType = (t: StackTemplate, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

/** Property access without casts in every assertion. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const props = (t: StackTemplate, id: string): any => resource(t, id).Properties;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function container(t: StackTemplate, name: string): any {
  const c = (props(t, 'TaskDefinition').ContainerDefinitions as Array<{ Name: string }>).find((x) => x.Name === name);
  assert.ok(c, `container ${name}`);
  return c;
}
