import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { renderTaskDefinition, validateTaskDefinition, type RenderResult } from '../../../../src/core/compose/index';

const FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures');
/** Every compose file of the corpus and the sample app: the seeds the mutations start from. */
const SEEDS = [
  ...fs.readdirSync(path.join(FIXTURES, 'compose'), { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
    const dir = path.join(FIXTURES, 'compose', d.name);
    return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  }),
  fs.readFileSync(path.join(FIXTURES, 'sample-app', 'compose.yaml'), 'utf8'),
];

const ENV_FILES: Record<string, string> = { '/p/app.env': 'A=1\nDB_URL=postgres://u:p@db:5432/x\nBAD LINE\n', '/p/empty.env': '' };

function convert(text: string, launchType: 'FARGATE' | 'EC2' = 'FARGATE'): RenderResult {
  return renderTaskDefinition({
    files: [{ path: '/p/compose.yaml', text }],
    projectDirectory: '/p',
    env: { TAG: '1', EMPTY: '', HOST: 'db' },
    profiles: ['debug'],
    readFile: (p) => ENV_FILES[p],
    options: { region: 'us-east-1', launchType },
  });
}

/** The property: never throws; errors mean no output; no errors mean an output that passes the checks. */
function check(text: string, launchType?: 'FARGATE' | 'EC2'): RenderResult {
  const r = convert(text, launchType);
  const hasErrors = r.diagnostics.some((d) => d.severity === 'error');
  for (const d of r.diagnostics) {
    assert.ok(d.line >= 1 && d.col >= 1 && d.file && d.message, `diagnostic with a position: ${JSON.stringify(d)}`);
  }
  if (hasErrors) assert.equal(r.taskDefinition, undefined);
  else {
    assert.ok(r.taskDefinition, 'an output when there are no errors');
    assert.deepEqual(validateTaskDefinition(r.taskDefinition), []);
    assert.deepEqual(JSON.parse(JSON.stringify(r.taskDefinition)), r.taskDefinition, 'plain JSON');
  }
  return r;
}

// Values a compose author writes, good and bad, so random documents hit the rules.
const word = fc.constantFrom('web', 'db', 'api', 'cache', 'worker', 'x', '', 'web.1', 'Web', 'a b', '${TAG}', '$$', '${MISSING:?no}', '${EMPTY:-d}', '${');
const scalarValue = fc.oneof(
  word,
  fc.integer({ min: -5, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('3000', '8080:80', '80/udp', '1-3', '99999', 'nodemon app.js', 'npm run dev', './src:/app', 'data:/data', '/anon', '1m30s', '3s', '0.5', '512M', '2g', 'host', 'service:db', 'mongodb://db:27017', 'CMD', 'NONE', 'app.env', 'missing.env'),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalarValue, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(word, tie('v'), { maxKeys: 3 })),
})).v;
const SERVICE_KEYS = ['image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'volumes', 'depends_on', 'healthcheck', 'deploy', 'profiles', 'extends', 'network_mode', 'privileged', 'tmpfs', 'user', 'stop_grace_period', 'ulimits', 'init', 'cap_add', 'links', 'container_name', 'x-ecs', 'restart', 'bogus'];
const serviceArb = fc.record(
  {
    image: fc.constantFrom('nginx', 'mongo:7', 'repo/app:1', 'bad image!', ''),
    build: fc.constantFrom('.', './api'),
    command: fc.oneof(fc.constantFrom('nodemon app.js', 'node app.js', 'uvicorn m:app --reload', 'echo db:5432'), fc.array(word, { maxLength: 3 })),
    environment: fc.oneof(fc.dictionary(fc.constantFrom('DB_URL', 'PASSWORD', 'HOST', 'A', ''), scalarValue, { maxKeys: 3 }), fc.array(fc.constantFrom('A=1', 'B', 'HOST=db', '=x'), { maxLength: 3 })),
    env_file: fc.constantFrom('app.env', 'missing.env', ['app.env', 'empty.env']),
    ports: fc.array(fc.oneof(scalarValue, fc.record({ target: fc.integer({ min: 0, max: 70000 }), published: fc.integer({ min: 1, max: 9000 }) })), { maxLength: 3 }),
    volumes: fc.array(fc.constantFrom('./src:/app', 'data:/data', '/anon', 'other:/o', { type: 'tmpfs', target: '/t' }), { maxLength: 3 }),
    depends_on: fc.oneof(fc.array(word, { maxLength: 2 }), fc.dictionary(word, fc.record({ condition: fc.constantFrom('service_started', 'service_healthy', 'service_completed_successfully', 'bogus') }), { maxKeys: 2 })),
    healthcheck: fc.record({ test: fc.oneof(fc.constant(['CMD', 'true']), fc.constant(['NONE']), word), interval: fc.constantFrom('1s', '10s', '1h', 'x'), retries: fc.integer({ min: -1, max: 50 }) }, { requiredKeys: [] }),
    deploy: fc.record({ resources: fc.record({ limits: fc.record({ cpus: fc.constantFrom('0.25', '1', '64', 'x'), memory: fc.constantFrom('256M', '1g', '500g', 'x') }, { requiredKeys: [] }) }) }),
    profiles: fc.constantFrom(['debug'], ['other']),
    'x-ecs': fc.record({ command: fc.array(word, { maxLength: 2 }), secrets: fc.dictionary(fc.constantFrom('PASSWORD', 'T'), fc.constantFrom('arn:aws:ssm:us-east-1:1:parameter/p', 'bad ref')), essential: fc.boolean() }, { requiredKeys: [] }),
    other: fc.dictionary(fc.constantFrom(...SERVICE_KEYS), value, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
).map(({ other, ...known }) => ({ ...(other as object), ...known }));
/** Documents a careful author writes: most of them convert, so the output checks get exercised. */
const cleanServiceArb = fc.record(
  {
    image: fc.constantFrom('nginx:1.27', 'mongo:7', 'ghcr.io/acme/app:1.2.3', 'redis'),
    command: fc.constantFrom('nodemon app.js', 'node app.js', ['npm', 'start'], 'uvicorn m:app --reload', 'wait-for db:5432 -- run'),
    environment: fc.dictionary(fc.constantFrom('DB_URL', 'API_TOKEN', 'DB_HOST', 'PORT', 'MODE'), fc.constantFrom('mongodb://db:27017/x', 'db', '8080', 'prod', '${TAG}', 'http://u:p@api:80')),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 2 }),
    volumes: fc.subarray(['./src:/app', 'data:/data', '/anon']),
    healthcheck: fc.record({ test: fc.constantFrom(['CMD', 'true'], 'curl -f localhost'), interval: fc.constantFrom('1s', '30s', '10m'), timeout: fc.constantFrom('1s', '5s'), retries: fc.integer({ min: 0, max: 20 }), start_period: fc.constantFrom('0s', '1h') }, { requiredKeys: ['test'] }),
    deploy: fc.record({ resources: fc.record({ limits: fc.record({ cpus: fc.constantFrom('0.25', '0.5', '2'), memory: fc.constantFrom('256M', '1g', '3g') }, { requiredKeys: [] }) }) }),
    stop_grace_period: fc.constantFrom('10s', '5m'),
    init: fc.boolean(),
  },
  { requiredKeys: ['image'] },
);
const cleanDocumentArb = fc.record({
  services: fc.dictionary(fc.constantFrom('web', 'db', 'api', 'worker', 'cache'), cleanServiceArb, { minKeys: 1, maxKeys: 4 }),
  volumes: fc.constant({ data: null }),
});

const wildDocumentArb = fc.record(
  {
    name: word,
    services: fc.dictionary(word, serviceArb, { minKeys: 1, maxKeys: 4 }),
    volumes: fc.constantFrom({ data: null }, { data: {}, other: null }),
    'x-ecs': fc.record({ cpu: fc.constantFrom(256, 1024, '1 vCPU', 'x'), memory: fc.constantFrom(512, 2048, 8192) }, { requiredKeys: [] }),
    extra: fc.dictionary(fc.constantFrom('version', 'networks', 'include', 'x-any', 'bogus'), value, { maxKeys: 1 }),
  },
  { requiredKeys: ['services'] },
).map(({ extra, ...doc }) => ({ ...(extra as object), ...doc }));

/** Text edits a person (or a bad merge) makes: delete, duplicate, insert a fragment, swap lines. */
const FRAGMENTS = ['\n', ':', '- ', '  ', '&a ', '*a', '<<: *a', '${X', '"', "'", '{', '[', ']', '}', '#', 'ports: ["80"]', 'network_mode: host', '\t', 'privileged: true', 'depends_on: [nope]'];
const mutatedArb = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...FRAGMENTS)), { minLength: 1, maxLength: 4 }))
  .map(([seed, edits]) => {
    let s = seed;
    for (const [at, len, kind, frag] of edits) {
      const i = at % (s.length + 1);
      if (kind === 0) s = s.slice(0, i) + s.slice(i + len);
      else if (kind === 1) s = s.slice(0, i) + frag + s.slice(i);
      else if (kind === 2) s = s.slice(0, i) + s.slice(i, i + len) + s.slice(i);
      else {
        const lines = s.split('\n');
        const a = at % lines.length;
        const b = (at + len) % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        s = lines.join('\n');
      }
    }
    return s;
  });

describe('compose: property — any document, never a throw, never an invalid output', function () {
  this.timeout(60000);

  it('every seed of the corpus renders without errors', () => {
    for (const seed of SEEDS) {
      const r = convert(seed);
      assert.ok(r.diagnostics.some((d) => d.severity === 'error') || r.taskDefinition);
    }
    assert.ok(SEEDS.length >= 8, `${SEEDS.length} seeds`);
  });

  it('5,000 random documents built from compose vocabulary', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(cleanDocumentArb, wildDocumentArb), fc.constantFrom<'FARGATE' | 'EC2'>('FARGATE', 'EC2'), (doc, lt) => {
        if (check(stringify(doc), lt).taskDefinition) valid++;
      }),
      { numRuns: 5000, seed: 20261124 },
    );
    // The generator must reach both outcomes, or the property says little.
    assert.ok(valid > 1000, `${valid} documents rendered to a task definition`);
    console.log(`      ${valid} of 5000 random documents rendered; the rest had errors`);
  });

  it('5,000 mutated corpus documents', () => {
    let valid = 0;
    fc.assert(
      fc.property(mutatedArb, (text) => {
        if (check(text).taskDefinition) valid++;
      }),
      { numRuns: 5000, seed: 7 },
    );
    assert.ok(valid > 150, `${valid} mutated documents rendered`);
    console.log(`      ${valid} of 5000 mutated documents rendered; the rest had errors`);
  });
});
