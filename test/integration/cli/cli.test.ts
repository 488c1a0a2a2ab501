import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { motoEndpoint, resetMoto, testCredentials } from '../env';
import { DUMMY_AWS_ENV, REPO_ROOT, runCli } from './runCli';

const root = REPO_ROOT;

/** Runs the bundled `ecs-deploy` as a user would, with dummy credentials. */
const ecsDeploy = (args: string[], env: Record<string, string | undefined> = {}) => runCli(args, { env: { ...process.env, ...DUMMY_AWS_ENV, ...env } });

describe('ecs-deploy (the bundled CLI)', () => {
  before(async () => {
    await resetMoto();
    const ecs = new ECSClient({ endpoint: motoEndpoint(), region: 'eu-west-1', credentials: testCredentials, maxAttempts: 1 });
    for (const name of ['zeta', 'alpha']) await ecs.send(new CreateClusterCommand({ clusterName: name }));
    ecs.destroy();
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const r = ecsDeploy(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  });

  it('clusters: one tab-separated line per cluster on stdout, sorted', () => {
    const r = ecsDeploy(['clusters', '--endpoint', motoEndpoint(), '--region', 'eu-west-1']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'alpha\tACTIVE\t0\t0\t0\nzeta\tACTIVE\t0\t0\t0\n');
  });

  it('clusters --json, with endpoint and region from the environment', () => {
    const r = ecsDeploy(['clusters', '--json'], { ECS_DEPLOY_ENDPOINT: motoEndpoint(), AWS_REGION: 'eu-west-1' });
    assert.equal(r.code, 0, r.stderr);
    const parsed = JSON.parse(r.stdout) as Array<{ name: string; status: string; arn: string }>;
    assert.deepEqual(parsed.map((c) => c.name), ['alpha', 'zeta']);
    assert.match(parsed[0].arn, /:cluster\/alpha$/);
  });

  it('an empty region: nothing on stdout, a note on stderr, exit 0', () => {
    const r = ecsDeploy(['clusters', '--endpoint', motoEndpoint(), '--region', 'ap-south-1']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /No clusters in ap-south-1/);
  });

  it('an unreachable endpoint: exit 1, one clear line, no stack trace', () => {
    const r = ecsDeploy(['clusters', '--endpoint', 'http://127.0.0.1:9', '--region', 'us-east-1']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^ecs-deploy: error: Could not reach ECS at http:\/\/127\.0\.0\.1:9: connection refused$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('usage errors exit 2', () => {
    assert.equal(ecsDeploy(['clusters', '--bogus']).code, 2);
    assert.equal(ecsDeploy(['deploy-everything']).code, 2);
    assert.equal(ecsDeploy([]).code, 2);
  });

  it("keeps third-party runtime warnings (the SDK's Node-version notice) off stderr; ECS_DEPLOY_DEBUG shows them", () => {
    // A dependency warning once the CLI runs, as the AWS SDK's NodeVersionSupportWarning is on Node 20.
    const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warn-')), 'warn.cjs');
    fs.writeFileSync(preload, "setImmediate(() => process.emitWarning('NodeVersionSupportWarning: please upgrade', 'Warning'));\n");
    const withWarning = { NODE_OPTIONS: `--require ${preload}` };
    const r = ecsDeploy(['clusters', '--endpoint', motoEndpoint(), '--region', 'eu-west-1'], withWarning);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const debug = ecsDeploy(['clusters', '--endpoint', motoEndpoint(), '--region', 'eu-west-1'], { ...withWarning, ECS_DEPLOY_DEBUG: '1' });
    assert.match(debug.stderr, /^debug: Warning: NodeVersionSupportWarning: please upgrade$/m);
    // And the real one, where a Node older than 22 is installed (the SDK only warns there).
    const node20 = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => fs.existsSync(n) && Number(spawnSync(n, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout) < 22);
    if (node20) {
      const old = spawnSync(node20, [path.join(root, 'dist', 'cli.js'), 'clusters', '--endpoint', motoEndpoint(), '--region', 'eu-west-1'], { encoding: 'utf8', env: { ...process.env, ...DUMMY_AWS_ENV } });
      assert.equal(old.status, 0, old.stderr);
      assert.equal(old.stderr, '', `on ${node20}`);
    }
  });
});
