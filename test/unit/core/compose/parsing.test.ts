import * as assert from 'node:assert/strict';
import { env, fails, find, ok, render } from './renderHelper';

describe('compose: YAML, anchors and merge keys', () => {
  it('expands anchors and "<<" merge keys, explicit keys winning', () => {
    const { container } = ok(`
x-common: &common
  image: node:20
  environment: &envs
    LOG_LEVEL: info
    REGION: eu
services:
  api:
    <<: *common
    environment:
      <<: *envs
      LOG_LEVEL: debug
  worker:
    <<: *common
`);
    assert.equal(container('api').image, 'node:20');
    assert.deepEqual(env(container('api')), { LOG_LEVEL: 'debug', REGION: 'eu' });
    assert.deepEqual(env(container('worker')), { LOG_LEVEL: 'info', REGION: 'eu' });
  });

  it('merges a list of anchors, earlier ones winning', () => {
    const { container } = ok(`
x-a: &a {image: a:1, user: alice}
x-b: &b {image: b:1, working_dir: /b}
services:
  s:
    <<: [*a, *b]
`);
    const c = container('s');
    assert.equal(c.image, 'a:1');
    assert.equal(c.user, 'alice');
    assert.equal(c.workingDirectory, '/b');
  });

  it('reports invalid YAML with its line and column', () => {
    const r = render('services:\n  api:\n    image: [unclosed\n');
    const e = r.diagnostics.find((d) => d.severity === 'error');
    assert.ok(e && e.code === 'yaml');
    assert.equal(e.file, '/proj/compose.yaml');
    assert.ok(e.line >= 3, `line ${e.line}`);
    assert.equal(r.taskDefinition, undefined);
  });

  it('refuses duplicate keys and unknown aliases', () => {
    fails('services:\n  a:\n    image: x\n    image: y\n', /invalid YAML/);
    fails('services:\n  a: *nothing\n', /invalid YAML|alias/);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const r = render(`${lines.join('\n')}\nservices:\n  s: {image: x, command: *a8}\n`);
    assert.equal(r.taskDefinition, undefined);
    assert.ok(r.diagnostics.some((d) => d.severity === 'error'));
  });

  it('points diagnostics at the exact line and column of the node', () => {
    const { diags } = ok('services:\n  web:\n    image: nginx\n    volumes:\n      - ./html:/usr/share/nginx/html\n');
    const d = find(diags, 'warning', /bind mount/);
    assert.deepEqual([d.file, d.line, d.col, d.code], ['/proj/compose.yaml', 5, 9, 'bind-mount']);
  });

  it('needs services', () => {
    fails('version: "3"\n', /no services/);
    fails('- a\n- b\n', /mapping/);
    fails('', /no services/);
  });

  it('names the task after "name:", else the folder, normalised', () => {
    assert.equal(ok('name: My.Shop\nservices: {a: {image: x}}').td.family, 'myshop');
    assert.equal(ok('services: {a: {image: x}}').td.family, 'proj');
    assert.equal(ok('services: {a: {image: x}}', { options: { family: 'custom_1' } }).td.family, 'custom_1');
    assert.equal(ok('x-ecs: {family: from-x}\nservices: {a: {image: x}}').td.family, 'from-x');
  });
});
