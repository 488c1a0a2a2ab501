import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { templateToYaml, type LaunchOptions } from '../../../src/core/stack/index';
import { renderComposeStack } from '../../../src/flows/renderCompose';

const ROOT = path.resolve(__dirname, '../../../..');
const SAMPLE_APP = path.join(ROOT, 'test', 'fixtures', 'sample-app');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'compose');
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';

/** AWS's CloudFormation linter, installed beside moto; a missing one fails the tier, never skips it. */
function cfnLintPath(): string {
  const py = process.env.MOTO_PY;
  if (!py) throw new Error('MOTO_PY is not set: run the integration tier through test/harness/run-all.mjs, which finds the Python that has moto and cfn-lint');
  const bin = path.join(path.dirname(py), 'cfn-lint');
  if (!fs.existsSync(bin)) throw new Error(`cfn-lint is missing beside moto (${bin}): install it with "${py} -m pip install cfn-lint"`);
  return bin;
}

/** Projects with more than one service that publishes ports need the public one named. */
const CORPUS_PORTS: Record<string, string> = {
  'anchors-extends': 'web:3000',
  'nginx-proxy': 'proxy:80',
  'python-postgres-redis': 'api:8000',
};

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly launch: LaunchOptions;
}

const tempDirs: string[] = [];
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-lint-'));
  tempDirs.push(dir);
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('cfn-lint on every template the stack renders', function () {
  this.timeout(180_000);
  after(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('finds no error (E…) in the sample app, the corpus and the option variants; and does find one in a broken template', () => {
    const bin = cfnLintPath();
    const web = project({
      'compose.yaml': 'services:\n  web:\n    image: ghcr.io/acme/web:1.2\n    ports: ["8080:5000"]\n    environment: {API_TOKEN: abc, FLAG: "yes"}\n    healthcheck:\n      test: curl -f http://localhost:5000/healthz\n      start_period: 40s\n',
    });
    const worker = project({ 'compose.yaml': 'services:\n  worker:\n    image: acme/worker:3\n    user: "1000"\n    volumes: [spool:/spool]\nvolumes: {spool: {}}\n' });
    const cases: Case[] = [
      { name: 'sample-app', dir: SAMPLE_APP, launch: { port: 'backend:3000' } },
      { name: 'sample-app-new-vpc-https-scaling', dir: SAMPLE_APP, launch: { port: 'backend:3000', vpc: 'new', certificateArn: CERT, ephemeral: ['mongo-data'], min: 1, max: 4, cpuTarget: 60 } },
      { name: 'sample-app-existing-vpc', dir: SAMPLE_APP, launch: { port: 'backend:3000', vpc: 'vpc-0123456789abcdef0', subnets: ['subnet-01234567', 'subnet-89abcdef'], cluster: 'prod', service: 'goals' } },
      { name: 'sample-app-private', dir: SAMPLE_APP, launch: { port: 'none' } },
      { name: 'web-healthcheck', dir: web, launch: { desired: 2 } },
      { name: 'worker-no-ports', dir: worker, launch: { vpc: 'new' } },
      ...fs
        .readdirSync(CORPUS, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => ({ name: `corpus-${d.name}`, dir: path.join(CORPUS, d.name), launch: CORPUS_PORTS[d.name] ? { port: CORPUS_PORTS[d.name] } : {} })),
    ];
    const out = project({});
    const files = cases.map((c) => {
      const r = renderComposeStack({ cwd: c.dir, processEnv: {}, options: { region: 'us-east-1' }, launch: c.launch });
      assert.ok(r.template, `${c.name} renders: ${r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; ')}`);
      const file = path.join(out, `${c.name}.yaml`);
      fs.writeFileSync(file, templateToYaml(r.template));
      return file;
    });
    // The linter must be able to fail: a wrong target type and a Fargate size that does not exist.
    const broken = path.join(out, 'broken.yaml');
    fs.writeFileSync(broken, fs.readFileSync(files[0], 'utf8').replace('TargetType: ip', 'TargetType: ipx').replace('Memory: "1024"', 'Memory: "1000"'));

    // One run for all of them: cfn-lint takes seconds to start.
    const lint = spawnSync(bin, ['--format', 'parseable', ...files, broken], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(lint.error, undefined, `cfn-lint could not run: ${lint.error?.message}`);
    const findings = lint.stdout.split('\n').filter(Boolean);
    const rule = (l: string) => /:([EWI]\d{4}):/.exec(l)?.[1] ?? '?';
    const ours = findings.filter((l) => !l.startsWith(broken));
    if (ours.length) console.log(`cfn-lint findings:\n${ours.join('\n')}`);
    assert.deepEqual(ours.filter((l) => rule(l).startsWith('E')), [], 'no cfn-lint error in any rendered template');
    assert.equal(lint.stderr.trim(), '', 'cfn-lint read every file');
    const brokenRules = findings.filter((l) => l.startsWith(broken)).map(rule);
    assert.ok(brokenRules.some((r) => r.startsWith('E')), `cfn-lint reports the broken template: ${brokenRules.join(', ') || 'nothing'}`);
  });
});
