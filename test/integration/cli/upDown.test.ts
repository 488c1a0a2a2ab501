import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parse } from 'yaml';
import { authRegistry, baseImage, motoEndpoint, resetMoto } from '../env';
import { DUMMY_AWS_ENV, runCli } from './runCli';

const SECRET = 'correct-horse-battery-staple';
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-up-cache-'));

/** A compose app shaped like the seed app: a built backend with an env_file and a MongoDB with a named volume. */
function goalsApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goals-'));
  fs.mkdirSync(path.join(dir, 'backend'));
  fs.writeFileSync(path.join(dir, 'backend', 'Dockerfile'), `FROM ${baseImage()}\nCOPY app.sh /app.sh\nCMD ["sh", "/app.sh"]\n`);
  fs.writeFileSync(path.join(dir, 'backend', 'app.sh'), 'echo serving\n');
  fs.writeFileSync(path.join(dir, 'backend.env'), `MONGODB_URL=mongodb://mongodb:27017/goals\nJWT_SECRET=${SECRET}\n`);
  fs.writeFileSync(
    path.join(dir, 'compose.yaml'),
    [
      'name: goals',
      'services:',
      '  backend:',
      '    build: ./backend',
      '    command: npx nodemon app.js',
      '    ports: ["80:80"]',
      '    env_file: [backend.env]',
      '    volumes: ["./backend:/app"]',
      '    depends_on: [mongodb]',
      '  mongodb:',
      '    image: mongo:7',
      '    volumes: ["data:/data/db"]',
      'volumes:',
      '  data:',
      '',
    ].join('\n'),
  );
  return dir;
}

const aws = () => ({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
const env = { ...process.env, ...DUMMY_AWS_ENV, AWS_REGION: 'us-east-1', ECS_DEPLOY_CACHE_DIR: cacheDir };
const redirect = () => ['--endpoint', motoEndpoint(), '--ecr-registry-address', authRegistry()];
const ecsDeploy = (args: string[], cwd: string) => runCli([...args, ...redirect()], { env, cwd, timeoutMs: 180000 });
const lastLine = (s: string) => s.trim().split('\n').at(-1) ?? '';

describe('ecs-deploy up / down against moto (the bundled CLI)', function () {
  this.timeout(300000);
  let cfn: CloudFormationClient;
  let efs: EFSClient;
  let ssm: SSMClient;
  let ecs: ECSClient;
  before(async () => {
    await resetMoto();
    cfn = new CloudFormationClient(aws());
    efs = new EFSClient(aws());
    ssm = new SSMClient(aws());
    ecs = new ECSClient(aws());
  });
  after(() => [cfn, efs, ssm, ecs].forEach((c) => c.destroy()));

  const stackStatus = async (name: string) =>
    (await cfn.send(new DescribeStacksCommand({ StackName: name })).catch(() => ({ Stacks: [] }))).Stacks?.[0]?.StackStatus;
  const resources = async (name: string) => (await cfn.send(new ListStackResourcesCommand({ StackName: name }))).StackResourceSummaries ?? [];
  const template = async (name: string) => parse((await cfn.send(new GetTemplateCommand({ StackName: name }))).TemplateBody ?? '') as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

  it('without a terminal and without --yes: exit 2, nothing made', () => {
    const dir = goalsApp();
    const r = ecsDeploy(['up', '--cluster', 'shop'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /without a terminal to confirm on: pass --yes/);
  });

  it('an unknown --port service is a usage error (exit 2)', () => {
    const r = ecsDeploy(['up', '--yes', '--port', 'nosuch:80'], goalsApp());
    assert.equal(r.code, 2, r.stderr);
  });

  let dir = '';
  let url = '';
  it('up builds, pushes, creates the stack and prints the load balancer URL last; the secret goes to SSM only', async () => {
    dir = goalsApp();
    const r = ecsDeploy(['up', '--yes', '--cluster', 'shop'], dir);
    assert.equal(r.code, 0, r.stderr);
    url = lastLine(r.stdout);
    assert.match(url, /^http:\/\/[\w.-]+elb\.amazonaws\.com$/);
    assert.equal(await stackStatus('ecs-deploy-shop-goals'), 'CREATE_COMPLETE');
    assert.match(r.stderr, /\+ add\s+LoadBalancer/);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), 'the secret was printed');
    const stored = await ssm.send(new GetParameterCommand({ Name: '/ecs-deploy/shop/goals/JWT_SECRET', WithDecryption: true }));
    assert.equal(stored.Parameter?.Value, SECRET);
    assert.equal(stored.Parameter?.Type, 'SecureString');
    const t = await template('ecs-deploy-shop-goals');
    assert.ok(!JSON.stringify(t).includes(SECRET), 'the secret is in the template');
    // moto drops parts of these resources: judge the wiring from the stack's own template.
    assert.equal(t.Resources.TargetGroup.Properties.TargetType, 'ip');
    const containers = t.Resources.TaskDefinition.Properties.ContainerDefinitions as Array<{ Name: string; Image: string }>;
    assert.match(containers.find((c) => c.Name === 'backend')!.Image, /\/goals-backend@sha256:[0-9a-f]{64}$/);
    const types = (await resources('ecs-deploy-shop-goals')).map((x) => x.ResourceType);
    for (const type of ['AWS::ECS::Service', 'AWS::ECS::Cluster', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EFS::FileSystem', 'AWS::EFS::MountTarget']) {
      assert.ok(types.includes(type), `no ${type} in the stack`);
    }
  });

  it('the same up again says "no changes", changes nothing, prints the same URL', async () => {
    const r = ecsDeploy(['up', '--yes', '--cluster', 'shop'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /no changes/i);
    assert.equal(lastLine(r.stdout), url);
  });

  it('--health-check-path /ping updates the stack through a change set', async () => {
    const r = ecsDeploy(['up', '--yes', '--cluster', 'shop', '--health-check-path', '/ping'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /~ modify\s+TargetGroup/);
    assert.equal(await stackStatus('ecs-deploy-shop-goals'), 'UPDATE_COMPLETE');
    assert.equal((await template('ecs-deploy-shop-goals')).Resources.TargetGroup.Properties.HealthCheckPath, '/ping');
    assert.equal(lastLine(r.stdout), url);
  });

  it('down keeps the database file system and names it; the secret parameters go', async () => {
    const fsId = (await resources('ecs-deploy-shop-goals')).find((x) => x.ResourceType === 'AWS::EFS::FileSystem')!.PhysicalResourceId!;
    const r = ecsDeploy(['down', '--yes', '--cluster', 'shop'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.includes(`Kept EFS file system ${fsId}`), r.stderr);
    assert.equal(await stackStatus('ecs-deploy-shop-goals'), undefined);
    const left = await efs.send(new DescribeFileSystemsCommand({ FileSystemId: fsId }));
    assert.equal(left.FileSystems?.length, 1);
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: '/ecs-deploy/shop/goals/JWT_SECRET' })), /ParameterNotFound/);
  });

  it('down --delete-data deletes the file system too', async () => {
    const again = ecsDeploy(['up', '--yes', '--cluster', 'shop'], dir);
    assert.equal(again.code, 0, again.stderr);
    const fsId = (await resources('ecs-deploy-shop-goals')).find((x) => x.ResourceType === 'AWS::EFS::FileSystem')!.PhysicalResourceId!;
    const r = ecsDeploy(['down', '--yes', '--cluster', 'shop', '--delete-data'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`file system ${fsId}`));
    await assert.rejects(efs.send(new DescribeFileSystemsCommand({ FileSystemId: fsId })), /FileSystemNotFound/);
  });

  it('down of an app that does not exist: exit 1 with a sentence', () => {
    const r = ecsDeploy(['down', '--yes', '--service', 'nope', '--cluster', 'shop'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /There is no app stack ecs-deploy-shop-nope in us-east-1/);
  });

  it('a cluster that exists is used, not made by the stack', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'existing' }));
    const r = ecsDeploy(['up', '--yes', '--cluster', 'existing', '--image', `backend=${baseImage()}`], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Cluster existing: exists, used as it is/);
    const types = (await resources('ecs-deploy-existing-goals')).map((x) => x.ResourceType);
    assert.ok(!types.includes('AWS::ECS::Cluster'), 'the stack made a cluster that existed');
  });
});
