import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ECSClient, NetworkConfiguration } from '@aws-sdk/client-ecs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describeService } from '../../../src/aws/services';
import { describeTaskDefinition } from '../../../src/aws/taskDefinitions';
import { sameDefinition } from '../../../src/core/taskDefinition/normalize';
import { toRegisterInput } from '../../../src/core/taskDefinition/registerInput';
import { deployService } from '../../../src/flows/deployService';
import { createCluster, defaultNetwork, holdTasksRunning, registerTaskDefinition, seedClients, seedService, WEB_CONTAINERS } from '../../support/ecsSeed';
import { motoEndpoint, resetMoto } from '../env';
import { DUMMY_AWS_ENV, runCli } from './runCli';

function ecsDeploy(args: string[]) {
  const r = runCli([...args, '--endpoint', motoEndpoint(), '--region', 'us-east-1'], { env: { ...process.env, ...DUMMY_AWS_ENV } });
  return { ...r, lastLine: r.stdout.trim().split('\n').at(-1) ?? '' };
}

const quiet = { log: { trace() {}, debug() {}, info() {}, warn() {}, error() {} }, progress: { report() {} }, signal: new AbortController().signal };

describe('deploy and rollback against moto', function () {
  this.timeout(120000);
  let seed: { ecs: ECSClient; ec2: EC2Client; destroy(): void };
  let network: NetworkConfiguration;
  const tdArn = (rev: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${rev}`;
  const currentTd = async () => (await describeService(seed.ecs, 'prod', 'web'))?.taskDefinition;

  beforeEach(async () => {
    await resetMoto();
    await holdTasksRunning(motoEndpoint());
    seed = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    network = await defaultNetwork(seed.ec2);
    await createCluster(seed.ecs, 'prod');
    const td = await registerTaskDefinition(seed.ecs, 'web');
    await seedService(seed.ecs, network, { cluster: 'prod', service: 'web', taskDefinition: td, tasks: 1 });
  });

  afterEach(() => seed.destroy());

  it('--image registers the next revision with that image and points the service at it', async () => {
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend@sha256:' + 'ab'.repeat(32);
    const r = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--image', `backend=${image}`]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lastLine, tdArn(2));
    assert.equal(await currentTd(), tdArn(2));
    const td = await describeTaskDefinition(seed.ecs, tdArn(2));
    assert.equal(td.containerDefinitions?.find((c) => c.name === 'backend')?.image, image);
    assert.equal(td.containerDefinitions?.find((c) => c.name === 'mongodb')?.image, 'mongo:7');
    assert.match(r.stderr, /Registered web:2/);
  });

  it('--task-definition FILE registers the file as the next revision', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-'));
    const file = path.join(dir, 'web.taskdef.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ family: 'web', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '1024', memory: '2048', containerDefinitions: WEB_CONTAINERS }),
    );
    const r = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--task-definition', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lastLine, tdArn(2));
    assert.equal((await describeTaskDefinition(seed.ecs, tdArn(2))).cpu, '1024');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--force keeps the revision; rollback --revision points back without registering', async () => {
    const forced = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(forced.lastLine, tdArn(1));
    assert.equal(ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--image', 'backend=web:v2']).code, 0);
    assert.equal(await currentTd(), tdArn(2));
    const back = ecsDeploy(['rollback', '--cluster', 'prod', '--service', 'web', '--revision', '1']);
    assert.equal(back.code, 0, back.stderr);
    assert.equal(back.lastLine, tdArn(1));
    assert.equal(await currentTd(), tdArn(1));
    await assert.rejects(describeTaskDefinition(seed.ecs, tdArn(3)), 'rollback registered nothing');
  });

  it('--wait exits 0 once the deployment reports COMPLETED', () => {
    // moto's deployment reports 1/1 running and COMPLETED for the same revision: a finished rollout.
    const r = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--force', '--wait', '--timeout', '60s']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lastLine, tdArn(1));
    assert.match(r.stderr, /Deployment COMPLETED: web runs web:1/);
  });

  it('--wait gives up at the timeout saying what it waited for', async () => {
    // moto never moves its deployment to a new revision: the rollout of web:2 cannot finish.
    const r = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--image', 'backend=web:v3', '--wait', '--timeout', '4s']);
    assert.equal(r.code, 1);
    assert.equal(r.lastLine, tdArn(2), 'the update was accepted: its ARN is still the last line');
    assert.match(r.stderr, /Deployment TIMEOUT: Timed out after \ds waiting for ECS to start deploying web:2 \(the deployment still shows web:1\)/);
  });

  it('refuses what cannot be deployed, with exit 1 or 2 and nothing changed', async () => {
    const same = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--image', `backend=${WEB_CONTAINERS[0].image}`]);
    assert.equal(same.code, 1);
    assert.match(same.stderr, /Nothing to deploy: the new definition equals web:1/);
    const unknown = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--image', 'frontend=x:1']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /has no container "frontend"/);
    const missing = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'nope', '--force']);
    assert.equal(missing.code, 1);
    assert.equal(ecsDeploy(['deploy', '--service', 'web', '--force']).code, 2);
    assert.equal(ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--force', '--image', 'a=b']).code, 2);
    assert.equal(ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--force', '--timeout', 'soon']).code, 2);
    assert.equal(ecsDeploy(['rollback', '--cluster', 'prod', '--service', 'web', '--revision', 'x']).code, 2);
    const noFile = ecsDeploy(['deploy', '--cluster', 'prod', '--service', 'web', '--task-definition', '/nonexistent.json']);
    assert.equal(noFile.code, 1);
    assert.equal(noFile.stderr.trim(), 'ecs-deploy: error: Cannot read the task definition: /nonexistent.json does not exist');
    assert.equal(await currentTd(), tdArn(1));
    for (const r of [same, unknown, missing]) assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('the diff normalisation sees no change between a revision and its own register input', async () => {
    const td = await describeTaskDefinition(seed.ecs, tdArn(1));
    assert.ok(sameDefinition(td, toRegisterInput(td)));
    let asked = 0;
    const declined = await deployService(
      seed.ecs,
      { cluster: 'prod', service: 'web', source: { kind: 'image', container: 'backend', image: 'web:v9' }, confirm: async (c) => (asked++, assert.match(c.nextText, /"image": "web:v9"/), false) },
      quiet,
    );
    assert.equal(declined, undefined);
    assert.equal(asked, 1);
    assert.equal(await currentTd(), tdArn(1), 'declining changes nothing');
  });
});
