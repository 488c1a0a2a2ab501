import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { REPO_ROOT, runCli } from './runCli';

const root = REPO_ROOT;
const sampleApp = path.join(root, 'test', 'fixtures', 'sample-app');

/** Runs the bundled `ecs-deploy` in `cwd` with a clean AWS environment. */
function ecsDeploy(args: string[], cwd = sampleApp, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('COMPOSE_')));
  return runCli(args, { cwd, env: { ...clean, HOME: os.tmpdir(), ...env }, timeoutMs: 30000 });
}

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
  made.push(dir);
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('ecs-deploy render (the bundled CLI)', () => {
  it('the sample app: one task, two containers, localhost, node app.js, no bind mount, Fargate size, awslogs', () => {
    const r = ecsDeploy(['render']);
    assert.equal(r.code, 0, r.stderr);
    const td = JSON.parse(r.stdout) as RegisterTaskDefinitionCommandInput;
    assert.equal(td.family, 'sample-app');
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    assert.deepEqual([td.cpu, td.memory], ['512', '1024']);
    const [backend, mongodb] = td.containerDefinitions!;
    assert.deepEqual([backend.name, mongodb.name], ['backend', 'mongodb']);
    assert.equal(backend.environment?.find((e) => e.name === 'MONGODB_URL')?.value, 'mongodb://localhost:27017/app');
    assert.deepEqual(backend.command, ['node', 'app.js']);
    assert.equal(backend.mountPoints, undefined, 'the bind mount is gone');
    assert.deepEqual(mongodb.mountPoints, [{ sourceVolume: 'mongo-data', containerPath: '/data/db', readOnly: false }]);
    for (const c of td.containerDefinitions!) {
      assert.equal(c.logConfiguration?.logDriver, 'awslogs');
      assert.deepEqual(c.logConfiguration?.options, { 'awslogs-group': '/ecs/sample-app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': c.name });
    }
    // Diagnostics: PATH:LINE:COL: severity: message, relative to the current folder.
    const lines = r.stderr.trim().split('\n');
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|info): .+/);
    assert.ok(lines.includes('compose.yaml:14:9: warning: bind mount ./backend → /usr/src/app is dropped: a Fargate task has no host folder to mount; bake the files into the image (COPY in the Dockerfile) or use a named volume on EFS'));
    assert.ok(lines.some((l) => l.startsWith('backend.env:1:13: info: MONGODB_URL: mongodb://mongodb:27017/app → mongodb://localhost:27017/app')));
    assert.ok(lines.some((l) => l.startsWith('compose.yaml:6:14: warning: command "npx nodemon app.js" → "node app.js"')));
  });

  it('options: -f, --image, --family, --launch-type, --cpu-architecture, roles, --region, --log-group', () => {
    const r = ecsDeploy(
      ['render', '-f', path.join(sampleApp, 'compose.yaml'), '--image', 'backend=123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:7', '--family', 'shop', '--launch-type', 'ec2', '--cpu-architecture', 'arm64',
        '--execution-role-arn', 'arn:aws:iam::123456789012:role/exec', '--task-role-arn', 'arn:aws:iam::123456789012:role/task', '--region', 'eu-west-1', '--log-group', '/shop/logs'],
      os.tmpdir(),
    );
    assert.equal(r.code, 0, r.stderr);
    const td = JSON.parse(r.stdout) as RegisterTaskDefinitionCommandInput;
    assert.equal(td.family, 'shop');
    assert.deepEqual(td.requiresCompatibilities, ['EC2']);
    assert.equal(td.runtimePlatform?.cpuArchitecture, 'ARM64');
    assert.equal(td.executionRoleArn, 'arn:aws:iam::123456789012:role/exec');
    assert.equal(td.taskRoleArn, 'arn:aws:iam::123456789012:role/task');
    assert.equal(td.containerDefinitions![0].image, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:7');
    assert.deepEqual(td.containerDefinitions![0].logConfiguration?.options?.['awslogs-group'], '/shop/logs');
    assert.deepEqual(td.containerDefinitions![0].logConfiguration?.options?.['awslogs-region'], 'eu-west-1');
  });

  it('--profile enables Compose profiles (repeatable); --env-file feeds interpolation; -o writes the file', () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  app:\n    image: app:${TAG}\n  debug:\n    image: busybox\n    profiles: [debug]\n  mail:\n    image: mailhog\n    profiles: [mail]\n',
      'ci.env': 'TAG=42\n',
      '.env': 'TAG=from-dotenv\n',
    });
    const plain = ecsDeploy(['render'], dir);
    assert.equal(JSON.parse(plain.stdout).containerDefinitions[0].image, 'app:from-dotenv');
    const out = path.join(dir, 'out', 'td.json');
    fs.mkdirSync(path.dirname(out));
    const r = ecsDeploy(['render', '--profile', 'debug', '--profile', 'mail', '--env-file', 'ci.env', '-o', out], dir, { AWS_PROFILE: 'nobody' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const td = JSON.parse(fs.readFileSync(out, 'utf8')) as RegisterTaskDefinitionCommandInput;
    assert.deepEqual(td.containerDefinitions!.map((c) => `${c.name}=${c.image}`), ['app=app:42', 'debug=busybox', 'mail=mailhog']);
    assert.equal(ecsDeploy(['render'], dir, { TAG: 'shell' }).stdout.includes('app:shell'), true, 'the shell wins over .env');
  });

  it('errors: exit 1, each on a PATH:LINE:COL line, nothing on stdout, no file written', () => {
    const dir = tempProject({ 'docker-compose.yml': 'services:\n  a:\n    image: x\n    network_mode: host\n  b:\n    image: y\n    env_file: missing.env\n' });
    const out = path.join(dir, 'td.json');
    const r = ecsDeploy(['render', '-o', out], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.ok(!fs.existsSync(out), 'nothing written');
    assert.match(r.stderr, /^docker-compose\.yml:4:19: error: network_mode "host" cannot run on ECS/m);
    assert.match(r.stderr, /^docker-compose\.yml:7:15: error: env_file missing\.env not found/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('no compose file: exit 1 with a sentence; usage errors exit 2', () => {
    const empty = tempProject({});
    const r = ecsDeploy(['render'], empty);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no compose file in .*: expected one of compose\.yaml/);
    for (const bad of [['render', '--launch-type', 'lambda'], ['render', '--cpu-architecture', 'mips'], ['render', '--image', 'noequals'], ['render', 'extra'], ['render', '--bogus'], ['render', '--region', 'Ireland']]) {
      const u = ecsDeploy(bad);
      assert.equal(u.code, 2, bad.join(' '));
      assert.equal(u.stdout, '');
    }
  });

  it('--help documents that --profile is the Compose profile here', () => {
    const r = ecsDeploy(['render', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--profile NAME\s+enable a Compose profile \(repeatable\)/);
    assert.match(r.stdout, /AWS profile is read from AWS_PROFILE/);
  });
});
