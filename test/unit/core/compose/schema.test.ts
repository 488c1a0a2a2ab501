import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { renderComposeProject } from '../../../../src/flows/renderCompose';

const ROOT = path.resolve(__dirname, '../../../../..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'taskdef.schema.json'), 'utf8')) as Schema;

interface Schema {
  type?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

/** The subset of JSON Schema the taskdef schema uses, enough to check outputs against it. */
function check(v: unknown, s: Schema, at: string, problems: string[]): void {
  if (s.enum && !s.enum.includes(v)) problems.push(`${at}: ${JSON.stringify(v)} not in enum`);
  const type = Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  if (s.type && s.type !== type && !(s.type === 'number' && type === 'integer')) return void problems.push(`${at}: ${type}, want ${s.type}`);
  if (typeof v === 'number' && ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum))) problems.push(`${at}: ${v} out of range`);
  if (typeof v === 'string' && s.pattern && !new RegExp(s.pattern).test(v)) problems.push(`${at}: "${v}" does not match ${s.pattern}`);
  if (Array.isArray(v)) {
    if ((s.minItems !== undefined && v.length < s.minItems) || (s.maxItems !== undefined && v.length > s.maxItems)) problems.push(`${at}: ${v.length} items`);
    v.forEach((x, i) => s.items && check(x, s.items, `${at}[${i}]`, problems));
  } else if (v && typeof v === 'object') {
    for (const r of s.required ?? []) if (!(r in v)) problems.push(`${at}: missing ${r}`);
    for (const [k, x] of Object.entries(v)) {
      const p = s.properties?.[k];
      if (p) check(x, p, `${at}.${k}`, problems);
      else if (s.additionalProperties === false) problems.push(`${at}: unexpected ${k}`);
      else if (typeof s.additionalProperties === 'object') check(x, s.additionalProperties, `${at}.${k}`, problems);
    }
  }
}

describe('schemas/taskdef.schema.json', () => {
  const dirs = [
    ...fs.readdirSync(path.join(ROOT, 'test/fixtures/compose'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(ROOT, 'test/fixtures/compose', d.name)),
    path.join(ROOT, 'test/fixtures/sample-app'),
  ];
  for (const dir of dirs) {
    it(`accepts the rendering of ${path.basename(dir)}`, () => {
      const r = renderComposeProject({ cwd: dir, processEnv: {}, options: { region: 'us-east-1', taskRoleArn: 'arn:aws:iam::123456789012:role/t', accountId: '123456789012' } });
      assert.ok(r.taskDefinition);
      const problems: string[] = [];
      check(r.taskDefinition, SCHEMA, '$', problems);
      assert.deepEqual(problems, []);
    });
  }
  it('catches what ECS would refuse', () => {
    const problems: string[] = [];
    check({ family: 'a b', containerDefinitions: [{ name: 'x', image: 'i', healthCheck: { command: ['CMD', 'true'], interval: 3 }, bogus: 1 }] }, SCHEMA, '$', problems);
    assert.equal(problems.length, 3, problems.join('\n'));
  });
  it('is shipped in the VSIX and declared for *.taskdef.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '*.taskdef.json', url: './schemas/taskdef.schema.json' }]);
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.json$/m);
  });
});
