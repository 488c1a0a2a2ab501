import * as assert from 'node:assert/strict';
import { parseEnvFile } from '../../../../src/core/compose/index';
import { env, fails, find, ok } from './renderHelper';

describe('compose: env_file and environment', () => {
  it('parses env files as Compose does', () => {
    const entries = parseEnvFile('/p/.env', `# comment
export A=1
B = spaced
C="line\\nnext"
D='literal $X'
E=value # trailing comment
F=\${A}-x
G=
`, { A: 'one' });
    assert.deepEqual(Object.fromEntries(entries.map((e) => [e.name, e.value])), { A: '1', B: 'spaced', C: 'line\nnext', D: 'literal $X', E: 'value', F: 'one-x', G: '' });
    assert.deepEqual([entries[1].pos.line, entries[1].pos.col], [3, 5]);
  });

  it('env_file first, environment overriding it, sorted by name', () => {
    const { container } = ok('services:\n  api:\n    image: x\n    env_file: [a.env, b.env]\n    environment:\n      ZED: z\n      SHARED: from-compose\n', {
      files: { 'a.env': 'SHARED=a\nMIDDLE=m\n', 'b.env': 'ALPHA=b\n' },
    });
    assert.deepEqual(container('api').environment, [
      { name: 'ALPHA', value: 'b' },
      { name: 'MIDDLE', value: 'm' },
      { name: 'SHARED', value: 'from-compose' },
      { name: 'ZED', value: 'z' },
    ]);
  });

  it('list syntax, and a bare NAME taken from the environment the tool runs in', () => {
    const { container, diags } = ok('services:\n  api:\n    image: x\n    environment:\n      - A=1\n      - FROM_SHELL\n      - NOT_SET\n', { env: { FROM_SHELL: 'yes' } });
    assert.deepEqual(env(container('api')), { A: '1', FROM_SHELL: 'yes' });
    find(diags, 'info', /NOT_SET has no value/);
  });

  it('a missing env_file is an error at its line; an optional one is skipped', () => {
    const e = fails('services:\n  api:\n    image: x\n    env_file:\n      - missing.env\n', /env_file missing\.env not found/);
    assert.deepEqual([e.line, e.col], [5, 9]);
    ok('services:\n  api:\n    image: x\n    env_file:\n      - path: missing.env\n        required: false\n');
  });

  it('warns about secret-looking variables without printing their values, and x-ecs secrets move them', () => {
    const yaml = `services:
  api:
    image: x
    environment:
      DB_PASSWORD: hunter2
      DATABASE_URL: postgres://app:s3cret@db:5432/app
      PASSWORD_FILE: /run/secrets/pw
  db:
    image: postgres
`;
    const { diags, container } = ok(yaml);
    const pw = find(diags, 'warning', /DB_PASSWORD looks secret/);
    assert.equal(pw.code, 'secret-in-environment');
    assert.deepEqual(pw.data, { service: 'api', variable: 'DB_PASSWORD' });
    find(diags, 'warning', /DATABASE_URL looks secret \(its URL carries a password\)/);
    assert.ok(!diags.some((d) => /PASSWORD_FILE looks secret/.test(d.message)));
    assert.ok(diags.every((d) => !d.message.includes('hunter2') && !d.message.includes('s3cret')), 'no secret printed');
    assert.equal(env(container('api')).DATABASE_URL, 'postgres://app:s3cret@localhost:5432/app');

    const moved = ok(yaml.replace('    image: x\n', '    image: x\n    x-ecs:\n      secrets:\n        DB_PASSWORD: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pw\n'));
    const api = moved.container('api');
    assert.deepEqual(api.secrets, [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-pw' }]);
    assert.equal(env(api).DB_PASSWORD, undefined);
    assert.ok(!moved.diags.some((d) => /DB_PASSWORD looks secret/.test(d.message)));
  });

  it('refuses an x-ecs secret that is not an SSM parameter or an ARN', () => {
    fails('services:\n  api:\n    image: x\n    x-ecs:\n      secrets:\n        PW: "not a valid ref"\n', /x-ecs secret PW/);
  });
});

describe('compose: development settings in the environment', () => {
  it('warns about NODE_ENV=development and about hosts of services left out by a profile', () => {
    const { diags, container } = ok('services:\n  app:\n    image: a\n    environment:\n      NODE_ENV: development\n      SEARCH_URL: http://search:9200\n  search:\n    image: s\n    profiles: [search]\n');
    assert.equal(find(diags, 'warning', /NODE_ENV=development is a development setting/).line, 5);
    find(diags, 'warning', /SEARCH_URL refers to a service that is not enabled/);
    assert.equal(env(container('app')).SEARCH_URL, 'http://search:9200');
    assert.ok(!ok('services:\n  app:\n    image: a\n    environment: {NODE_ENV: production}\n').diags.some((d) => d.code === 'dev-environment'));
  });
});
