import * as assert from 'node:assert/strict';
import { env, fails, find, ok } from './renderHelper';

const BASE = `
services:
  api:
    image: shop/api:1
    command: npm run dev
    ports: ["3000:3000"]
    environment:
      - NODE_ENV=development
      - LOG=info
    depends_on: [db]
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD", "pg_isready"]
`;

describe('compose: several files, merged by the Compose rules', () => {
  it('an override file replaces command, merges environment (list and map) and adds ports', () => {
    const { container } = ok(BASE, {
      compose: ['compose.yaml', 'compose.override.yaml'],
      files: {
        'compose.override.yaml': `
services:
  api:
    command: ["node", "server.js"]
    environment:
      NODE_ENV: production
    ports:
      - target: 9229
    depends_on:
      db:
        condition: service_healthy
`,
      },
    });
    const api = container('api');
    assert.deepEqual(api.command, ['node', 'server.js']);
    assert.deepEqual(env(api), { LOG: 'info', NODE_ENV: 'production' });
    assert.deepEqual(api.portMappings?.map((p) => p.containerPort), [3000, 9229]);
    assert.deepEqual(api.dependsOn, [{ containerName: 'db', condition: 'HEALTHY' }]);
  });

  it('healthcheck test is replaced, not appended; the same port is not listed twice', () => {
    const { container } = ok(BASE, {
      compose: ['compose.yaml', 'prod.yaml'],
      files: { 'prod.yaml': 'services:\n  db:\n    healthcheck:\n      test: pg_isready -U app\n      interval: 10s\n  api:\n    ports: ["3000:3000"]\n' },
    });
    assert.deepEqual(container('db').healthCheck, { command: ['CMD-SHELL', 'pg_isready -U app'], interval: 10 });
    assert.equal(container('api').portMappings?.length, 1);
  });

  it('a later file can add a service; diagnostics point into the file that said it', () => {
    const { container, diags } = ok(BASE, {
      compose: ['compose.yaml', 'extra.yaml'],
      files: { 'extra.yaml': 'services:\n  cache:\n    image: redis:7\n    volumes: [./redis.conf:/etc/redis.conf]\n' },
    });
    assert.equal(container('cache').image, 'redis:7');
    const d = find(diags, 'warning', /bind mount/);
    assert.equal(d.file, '/proj/extra.yaml');
    assert.equal(d.line, 4);
  });

  it('an error in the second file names that file', () => {
    const e = fails(BASE, /network_mode "host"/, { compose: ['compose.yaml', 'o.yaml'], files: { 'o.yaml': 'services:\n  api:\n    network_mode: host\n' } });
    assert.equal(e.file, '/proj/o.yaml');
  });
});

describe('compose: extends and profiles', () => {
  it('extends a service of the same file, the extending service winning', () => {
    const { container } = ok(`
services:
  base:
    image: node:20
    environment: {A: "1", B: "2"}
    working_dir: /app
  web:
    extends: base
    environment: {B: "3"}
    ports: ["80"]
`);
    assert.equal(container('web').workingDirectory, '/app');
    assert.deepEqual(env(container('web')), { A: '1', B: '3' });
  });

  it('extends a service of another file through the injected reader, paths relative to that file', () => {
    const { container } = ok('services:\n  web:\n    extends: {file: common/base.yaml, service: node}\n    command: node web.js\n', {
      files: {
        'common/base.yaml': 'services:\n  node:\n    image: node:${NODE_VERSION:-20}\n    env_file: base.env\n',
        'common/base.env': 'SHARED=yes\n',
      },
    });
    assert.equal(container('web').image, 'node:20');
    assert.deepEqual(env(container('web')), { SHARED: 'yes' });
  });

  it('reports a missing extends file, an unknown base and a cycle', () => {
    fails('services:\n  web:\n    image: x\n    extends: {file: nope.yaml, service: a}\n', /nope\.yaml not found/);
    fails('services:\n  web:\n    image: x\n    extends: ghost\n', /no service "ghost"/);
    fails('services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: y\n    extends: a\n', /cycle/);
  });

  it('leaves out services whose profile is not enabled, and takes them with --profile', () => {
    const yaml = 'services:\n  app: {image: app}\n  debug:\n    image: busybox\n    profiles: [debug]\n';
    assert.deepEqual(ok(yaml).td.containerDefinitions?.map((c) => c.name), ['app']);
    assert.deepEqual(ok(yaml, { profiles: ['debug'] }).td.containerDefinitions?.map((c) => c.name), ['app', 'debug']);
    assert.deepEqual(ok(yaml, { env: { COMPOSE_PROFILES: 'x,debug' } }).td.containerDefinitions?.map((c) => c.name), ['app', 'debug']);
  });

  it('a dependency on a service left out by its profile says which profile to enable', () => {
    fails('services:\n  app:\n    image: app\n    depends_on: [db]\n  db:\n    image: pg\n    profiles: [db]\n', /only enabled with profile db: pass --profile db/);
  });
});
