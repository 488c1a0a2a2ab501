import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from './runCli';

const sampleApp = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-app');

/** Runs the bundled `ecs-deploy` in `cwd` with a clean AWS environment: `template` must never need AWS. */
function ecsDeploy(args: string[], cwd = sampleApp, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('COMPOSE_') && !k.startsWith('ECS_DEPLOY_')));
  // An endpoint nothing listens on: any AWS call would fail the command.
  return runCli(args, { cwd, env: { ...clean, HOME: os.tmpdir(), ECS_DEPLOY_ENDPOINT: 'http://127.0.0.1:9', ...env }, timeoutMs: 30000 });
}

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-'));
  made.push(dir);
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
}

describe('ecs-deploy template (the bundled CLI)', () => {
  it('the sample app with --port: exit 0, the YAML template on stdout, findings on stderr as PATH:LINE:COL', () => {
    const r = ecsDeploy(['template', '--port', 'backend:3000']);
    assert.equal(r.code, 0, r.stderr);
    const t = parse(r.stdout) as Template;
    assert.equal(t.Resources.TargetGroup.Properties.TargetType, 'ip');
    assert.equal(t.Resources.Service.Properties.ServiceName, 'sample-app');
    assert.deepEqual(
      Object.entries(t.Resources).filter(([, x]) => x.Type === 'AWS::EFS::FileSystem').map(([id]) => id),
      ['EfsMongoData'],
    );
    const lines = r.stderr.trim().split('\n');
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|info): .+/);
    assert.ok(lines.includes('compose.yaml:14:9: warning: bind mount ./backend → /usr/src/app is dropped: a Fargate task has no host folder to mount; bake the files into the image (COPY in the Dockerfile) or use a named volume on EFS'));
    assert.ok(lines.some((l) => l.startsWith('compose.yaml:24:9: info: named volume mongo-data → an encrypted EFS file system of the stack (EfsMongoData)')));
  });

  it('-o writes the file and nothing to stdout; the options (and the global --region) are taken', () => {
    const out = path.join(tempProject({}), 'stack.yaml');
    const r = ecsDeploy(['template', '-f', path.join(sampleApp, 'compose.yaml'), '--port', 'backend:3000', '--cluster', 'prod', '--service', 'goals', '--vpc', 'new', '--region', 'eu-west-1',
      '--ephemeral', 'mongo-data', '--min', '1', '--max', '3', '--image', 'backend=123456789012.dkr.ecr.eu-west-1.amazonaws.com/goals@sha256:' + 'a'.repeat(64), '-o', out], os.tmpdir());
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote .*stack\.yaml \(stack ecs-deploy-prod-goals\)/);
    const t = parse(fs.readFileSync(out, 'utf8')) as Template;
    assert.equal(t.Resources.Vpc.Type, 'AWS::EC2::VPC');
    assert.equal(t.Resources.ScalableTarget.Properties.MaxCapacity, 3);
    const containers = (t.Resources.TaskDefinition.Properties.ContainerDefinitions as Array<{ Name: string; Image: unknown }>);
    assert.equal(containers.find((c) => c.Name === 'backend')?.Image, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/goals@sha256:' + 'a'.repeat(64));
    assert.match(r.stderr, /warning: every one of the 3 copies of the task runs its own, separate mongo database/);
  });

  it('several services publish ports and no --port: exit 2 naming them, nothing on stdout', () => {
    const r = ecsDeploy(['template']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^ecs-deploy: several services publish ports \(backend:3000, mongodb:27017\): choose the one the load balancer serves with --port SERVICE:CONTAINER_PORT/m);
    assert.match(r.stderr, /Run 'ecs-deploy --help' for usage\./);
  });

  it('errors: exit 1, nothing printed or written — the database copies trap, an unusable compose file', () => {
    const out = path.join(tempProject({}), 'stack.yaml');
    const r = ecsDeploy(['template', '--port', 'backend:3000', '--desired', '2', '-o', out]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.ok(!fs.existsSync(out), 'nothing written');
    assert.match(r.stderr, /^compose\.yaml:24:9: error: --desired 2 can run 2 copies of the task, but its database "mongodb" \(mongo\) writes the volume mongo-data on EFS: .*Amazon DocumentDB or MongoDB Atlas/m);
    const bad = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: x\n    network_mode: host\n' });
    const r2 = ecsDeploy(['template'], bad);
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /^compose\.yaml:4:19: error: network_mode "host" cannot run on ECS/m);
    assert.doesNotMatch(r.stderr + r2.stderr, /\n\s+at /, 'no stack trace');
  });

  it('usage errors: exit 2, nothing on stdout', () => {
    for (const bad of [
      ['template', 'extra'],
      ['template', '--desired', 'two'],
      ['template', '--vpc', 'mine'],
      ['template', '--port', 'backend'],
      ['template', '--port', 'nosuch:80'],
      ['template', '--port', 'backend:3000', '--subnets', 'subnet-01234567,subnet-89abcdef'],
      ['template', '--port', 'backend:3000', '--ephemeral', 'nope'],
      ['template', '--launch-type', 'ec2'],
      ['template', '--image', 'noequals'],
    ]) {
      const u = ecsDeploy(bad);
      assert.equal(u.code, 2, `${bad.join(' ')}: ${u.stderr}`);
      assert.equal(u.stdout, '', bad.join(' '));
      assert.match(u.stderr, /^ecs-deploy: /m, bad.join(' '));
    }
  });

  it('secret values never reach stdout or stderr', () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    ports: ["8000"]\n    env_file: api.env\n    environment:\n      DATABASE_URL: postgres://app:pa55-in-url@db:5432/app\n  db:\n    image: postgres:16\n    environment: {POSTGRES_PASSWORD: pa55-for-db}\n',
      'api.env': 'JWT_SECRET=jwt-value-123\n',
    });
    const r = ecsDeploy(['template'], dir);
    assert.equal(r.code, 0, r.stderr);
    for (const value of ['pa55-in-url', 'pa55-for-db', 'jwt-value-123']) {
      assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), `${value} is printed nowhere`);
    }
    assert.match(r.stdout, /parameter\/ecs-deploy\/[\w-]+\/[\w-]+\/JWT_SECRET/);
  });

  it('is listed in --help, and its help names every INFRA option', () => {
    assert.match(ecsDeploy(['--help']).stdout, /^\s+template\s+Print the app's CloudFormation template/m);
    const help = ecsDeploy(['template', '--help']).stdout;
    for (const o of ['--service', '--cluster', '--vpc', '--subnets', '--port', '--health-check-path', '--certificate-arn', '--desired', '--min', '--max', '--cpu-target', '--ephemeral', '-o, --output']) assert.ok(help.includes(o), o);
  });
});
