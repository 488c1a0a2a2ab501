import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authRegistry, baseImage, motoEndpoint, resetMoto } from '../env';
import { makeContext, registryGet, registryTags, uniqueRepo } from '../image/imageHelpers';
import { CLI_PATH, DUMMY_AWS_ENV, REPO_ROOT, runCli } from './runCli';

const root = REPO_ROOT;
// Build records of these runs stay out of the user's cache.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-cli-cache-'));
const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  ...DUMMY_AWS_ENV,
  AWS_REGION: 'us-east-1',
  ECS_DEPLOY_CACHE_DIR: cacheDir,
  ...extra,
});

const ecsDeploy = (args: string[], extra: Record<string, string> = {}, cwd = root) => runCli(args, { env: env(extra), cwd, timeoutMs: 120000 });

const redirect = () => ['--endpoint', motoEndpoint(), '--ecr-registry-address', authRegistry()];

describe('ecs-deploy build-push (the bundled CLI)', function () {
  this.timeout(120000);
  before(resetMoto);

  it('prints only REPOSITORY_URI@sha256:… on stdout (the URI ECR reports), progress on stderr, exit 0', async () => {
    const repo = uniqueRepo('cli-app');
    const dir = makeContext({ 'docker/app.Dockerfile': `FROM ${baseImage()}\nARG V\nRUN echo "v=$V" | tee /v\n`, 'data.txt': 'x' });
    const r = ecsDeploy(
      ['build-push', '--dockerfile', 'docker/app.Dockerfile', '--context', '.', '--repository', repo, '--tag', 't1', '--tag', 't2', '--build-arg', `V=42-${repo}`, '--platform', 'linux/amd64', ...redirect()],
      {},
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const m = /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/(.+)@(sha256:[0-9a-f]{64})\n$/.exec(r.stdout);
    assert.ok(m, `stdout was ${JSON.stringify(r.stdout)}`);
    assert.equal(m[1], repo);
    assert.match(r.stderr, /… Step 3\/3: RUN echo/);
    assert.ok(r.stderr.split('\n').includes(`v=42-${repo}`), r.stderr);
    assert.match(r.stderr, /… Pushing \d+ layers? \d+%/);
    assert.doesNotMatch(r.stderr, /auth-token/, 'the ECR password is never printed');
    assert.deepEqual(await registryTags(repo), ['t1', 't2']);
    const manifest = await registryGet(`/v2/${repo}/manifests/t2`, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.equal(manifest.headers.get('docker-content-digest'), m[2]);
  });

  it('defaults: ./Dockerfile, its folder as context, a repository named after the folder', () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nRUN true\n` });
    const r = ecsDeploy(['build-push', ...redirect()], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stdout, new RegExp(`/${path.basename(dir).toLowerCase().replace(/[^a-z0-9]+/g, '-')}@sha256:`));
  });

  it('--context DIR alone builds DIR/Dockerfile, as docker build does; a missing one is named', () => {
    const dir = makeContext({ 'app/Dockerfile': `FROM ${baseImage()}\nRUN echo from-app\n`, Dockerfile: `FROM ${baseImage()}\nRUN echo from-root\n` });
    const r = ecsDeploy(['build-push', '--context', 'app', '--repository', uniqueRepo('ctx'), '--no-cache', ...redirect()], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.split('\n').includes('from-app'), r.stderr);
    assert.ok(!r.stderr.split('\n').includes('from-root'), 'the folder\'s own Dockerfile, not ./Dockerfile');
    fs.mkdirSync(path.join(dir, 'empty'));
    const missing = ecsDeploy(['build-push', '--context', 'empty', ...redirect()], {}, dir);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim(), `ecs-deploy: error: There is no Dockerfile at ${path.join(fs.realpathSync(dir), 'empty', 'Dockerfile')} — create it, or name the one to build`);
  });

  it('a second run with nothing changed pushes the same image without rebuilding; --no-cache rebuilds', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nCOPY . /app\n`, 'app.txt': 'x' });
    await new Promise((r) => setTimeout(r, 250)); // past the racy window, so the first build is recorded
    const args = ['build-push', '--repository', uniqueRepo('cli-reuse'), '--tag', 'r', ...redirect()];
    const first = ecsDeploy(args, {}, dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /Sent build context/);
    assert.ok(fs.readdirSync(path.join(cacheDir, 'builds')).length > 0, 'a build record was written under ECS_DEPLOY_CACHE_DIR');
    const second = ecsDeploy(args, {}, dir);
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stderr, /Sent build context/);
    assert.match(second.stderr, /Nothing the build reads has changed .* since it made sha256:[0-9a-f]{64}: pushing that image/);
    assert.equal(second.stdout, first.stdout, 'the same image URI and digest');
    const forced = ecsDeploy([...args, '--no-cache'], {}, dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /Sent build context/);
  });

  it('a failing build: exit 1, one error line with file:line, nothing on stdout, no stack', () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nRUN exit 5\n` });
    const r = ecsDeploy(['build-push', '--repository', uniqueRepo('cli-fail'), ...redirect()], {}, dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^ecs-deploy: error: Dockerfile:2: step 2\/2 \(RUN exit 5\) failed: .*non-zero code: 5$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('an engine that is down: exit 1 and the sentence that says so', () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\n` });
    const r = ecsDeploy(['build-push', ...redirect()], { DOCKER_HOST: 'unix:///tmp/ecs-deploy-none.sock' }, dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^ecs-deploy: error: Cannot connect to the Docker engine at unix:\/\/\/tmp\/ecs-deploy-none\.sock — is it running\?$/m);
  });

  it('a platform the engine does not build natively is said before building', () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nRUN true\n` });
    // s390x: foreign to any machine this runs on.
    const r = ecsDeploy(['build-push', '--platform', 'linux/s390x', '--repository', uniqueRepo('cli-arch'), ...redirect()], {}, dir);
    const warning = r.stderr.search(/warning: The Docker engine builds linux\/\w+ natively; building linux\/s390x needs emulation/);
    assert.ok(warning >= 0, r.stderr);
    assert.ok(warning < r.stderr.indexOf('Step 1/'), 'the warning comes before the build');
  });

  it('usage errors exit 2', () => {
    assert.equal(ecsDeploy(['build-push', '--tag', '-bad']).code, 2);
    assert.equal(ecsDeploy(['build-push', '--build-arg', '=x']).code, 2);
    assert.equal(ecsDeploy(['build-push', '--platform', 'amd64']).code, 2);
    assert.equal(ecsDeploy(['build-push', '--repository', 'Upper']).code, 2);
    assert.equal(ecsDeploy(['build-push', 'extra']).code, 2);
  });

  it('Ctrl-C stops it: exit 130, nothing on stdout', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nRUN sleep 30\n` });
    const child = spawn(process.execPath, [CLI_PATH, 'build-push', '--repository', uniqueRepo('cli-int'), ...redirect()], { cwd: dir, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    let interrupted = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      // One Ctrl-C: a second one would leave at once, which is another behaviour.
      if (!interrupted && /RUN sleep 30/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130, stderr);
    assert.equal(stdout, '');
    assert.ok(Date.now() - started < 20000);
  });
});
