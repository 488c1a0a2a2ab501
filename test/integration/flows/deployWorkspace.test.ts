import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { describeService } from '../../../src/aws/services';
import { describeTaskDefinition } from '../../../src/aws/taskDefinitions';
import { fileBuildRecords } from '../../../src/docker/buildRecords';
import { createDockerClient } from '../../../src/docker/engine';
import { deployWorkspace } from '../../../src/flows/deployWorkspace';
import { createCluster, defaultNetwork, holdTasksRunning, registerTaskDefinition, seedClients, seedService } from '../../support/ecsSeed';
import { baseImage, dockerHost, motoEndpoint, resetMoto } from '../env';
import { connection, ecrClient, recorder, registryTags, uniqueRepo } from '../image/imageHelpers';

/** A compose project like the sample app: a built backend that waits for a database image. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-'));
  fs.mkdirSync(path.join(dir, 'api'));
  fs.writeFileSync(path.join(dir, 'api', 'Dockerfile'), `FROM ${baseImage()}\nCOPY app.sh /app.sh\nCMD ["sh", "/app.sh"]\n`);
  fs.writeFileSync(path.join(dir, 'api', 'app.sh'), 'echo serving\n');
  fs.writeFileSync(
    path.join(dir, 'compose.yaml'),
    [
      'name: shop',
      'services:',
      '  api:',
      '    build: ./api',
      '    command: npx nodemon app.js',
      '    environment:',
      '      DB_URL: postgres://db:5432/shop',
      '    ports: ["8080:8080"]',
      '    depends_on: [db]',
      '  db:',
      '    image: postgres:16',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('Deploy Workspace: build, push, render, register, update', function () {
  this.timeout(180000);
  let ecr: ECRClient;
  /** What deployWorkspace needs besides ECS: the harness's engine and registry, reporting to `rec`. */
  const deps = (ecs: Parameters<typeof deployWorkspace>[1]['ecs'], rec = recorder()) => ({
    ecs,
    ecr,
    docker: createDockerClient(dockerHost()),
    dockerHost: dockerHost(),
    connection: connection(),
    log: rec.log,
    progress: rec.progress,
    signal: new AbortController().signal,
  });
  before(async () => {
    await resetMoto();
    await holdTasksRunning(motoEndpoint());
    ecr = ecrClient();
  });
  after(() => ecr.destroy());

  it('pushes the built service, pins its digest in the rendered definition, and points the service at it', async () => {
    const { ecs, ec2, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    try {
      const network = await defaultNetwork(ec2);
      await createCluster(ecs, 'prod');
      const first = await registerTaskDefinition(ecs, 'shop');
      await seedService(ecs, network, { cluster: 'prod', service: 'shop', taskDefinition: first, tasks: 1 });
      const dir = project();
      const rec = recorder();
      let diffSeen = '';
      const out = await deployWorkspace(
        {
          compose: { files: [path.join(dir, 'compose.yaml')], processEnv: {}, cwd: dir, options: { region: 'us-east-1', accountId: '123456789012' } },
          cluster: 'prod',
          service: 'shop',
          tags: ['e2e-1'],
          confirm: async (change) => {
            diffSeen = change.nextText;
            return true;
          },
        },
        deps(ecs, rec),
      );
      assert.deepEqual(out.pushed.map((p) => p.service), ['api']);
      const pushed = out.pushed[0].image;
      assert.equal(pushed.repositoryUri, '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-api');
      assert.deepEqual(await registryTags('shop-api'), ['e2e-1']);
      assert.match(out.deploy?.taskDefinitionArn ?? '', /task-definition\/shop:2$/);
      assert.equal((await describeService(ecs, 'prod', 'shop'))?.taskDefinition, out.deploy?.taskDefinitionArn);
      const td = await describeTaskDefinition(ecs, out.deploy!.taskDefinitionArn);
      const api = td.containerDefinitions?.find((c) => c.name === 'api');
      assert.equal(api?.image, pushed.imageUri, 'the image is pinned by digest');
      assert.deepEqual(api?.command, ['node', 'app.js'], 'the dev watcher became the production command');
      assert.deepEqual(api?.environment, [{ name: 'DB_URL', value: 'postgres://localhost:5432/shop' }]);
      assert.match(diffSeen, new RegExp(pushed.digest.replace(':', ':')));
    } finally {
      destroy();
    }
  });

  it('run again with nothing changed: the recorded image is pushed again without building', async () => {
    const { ecs, ec2, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    try {
      const network = await defaultNetwork(ec2);
      await createCluster(ecs, 'again');
      await seedService(ecs, network, { cluster: 'again', service: 'shop', taskDefinition: await registerTaskDefinition(ecs, 'shop'), tasks: 1 });
      const dir = project();
      await new Promise((r) => setTimeout(r, 250)); // the files are older than the racy window: the build is recorded
      const buildRecords = fileBuildRecords(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-records-')));
      const run = (rec = recorder()) =>
        deployWorkspace(
          {
            compose: { files: [path.join(dir, 'compose.yaml')], processEnv: {}, cwd: dir, options: { region: 'us-east-1', accountId: '123456789012' } },
            cluster: 'again',
            service: 'shop',
            tags: ['again'],
            confirm: async () => true,
          },
          { ...deps(ecs, rec), buildRecords },
        );
      const first = await run();
      assert.equal(first.pushed[0].image.reused, false);
      const rec = recorder();
      const second = await run(rec);
      assert.equal(second.pushed[0].image.reused, true);
      assert.equal(second.pushed[0].image.imageUri, first.pushed[0].image.imageUri, 'the same image, by digest');
      assert.ok(rec.steps.includes('Image up to date'), rec.steps.join('\n'));
      assert.ok(!rec.steps.some((s) => /^Sending context/.test(s)), 'nothing was built');
    } finally {
      destroy();
    }
  });

  it('stops before building when the compose file has errors, naming file and line', async () => {
    const dir = project();
    fs.appendFileSync(path.join(dir, 'compose.yaml'), '  cache:\n    image: redis:7\n    ports: ["8080:8080"]\n');
    const rec = recorder();
    const { ecs, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    try {
      await assert.rejects(
        deployWorkspace(
          { compose: { files: [path.join(dir, 'compose.yaml')], processEnv: {}, cwd: dir, options: { region: 'us-east-1' } }, cluster: 'prod', service: 'shop' },
          deps(ecs, rec),
        ),
        (e: Error) => e.name === 'UserError' && /compose\.yaml:\d+:\d+: error: .*8080/.test(e.message),
      );
      assert.ok(!rec.steps.some((s) => /^Sending context/.test(s)), 'nothing was built');
    } finally {
      destroy();
    }
  });

  describe('a build: service whose image: names an ECR repository (set in a second -f file)', () => {
    /** The project above plus compose.prod.yaml naming `image` for the built api. */
    const withImage = (image: string) => {
      const dir = project();
      fs.writeFileSync(path.join(dir, 'compose.prod.yaml'), `services:\n  api:\n    image: ${image}\n`);
      return { files: [path.join(dir, 'compose.yaml'), path.join(dir, 'compose.prod.yaml')], processEnv: {}, cwd: dir, options: { region: 'us-east-1', accountId: '123456789012' } };
    };

    it('is pushed there, with the tag the image names, and the task runs that push', async () => {
      const { ecs, ec2, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
      try {
        const network = await defaultNetwork(ec2);
        await createCluster(ecs, 'named');
        await seedService(ecs, network, { cluster: 'named', service: 'notes', taskDefinition: await registerTaskDefinition(ecs, 'shop'), tasks: 1 });
        const repo = uniqueRepo('notes');
        const out = await deployWorkspace(
          { compose: withImage(`123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}:2024.06.1`), cluster: 'named', service: 'notes', confirm: async () => true },
          deps(ecs),
        );
        const pushed = out.pushed[0].image;
        assert.equal(pushed.repositoryUri, `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}`);
        assert.deepEqual(await registryTags(repo), ['2024.06.1']);
        assert.ok(!(await registryTags('shop-api')).includes('2024.06.1'), 'nothing went to <project>-<service>');
        const td = await describeTaskDefinition(ecs, out.deploy!.taskDefinitionArn);
        assert.equal(td.containerDefinitions?.find((c) => c.name === 'api')?.image, pushed.imageUri);
      } finally {
        destroy();
      }
    });

    it('in another region: refused before anything is built', async () => {
      const { ecs, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
      const rec = recorder();
      try {
        await assert.rejects(
          deployWorkspace({ compose: withImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/notes:2024.06.1'), cluster: 'named', service: 'notes' }, deps(ecs, rec)),
          (e: Error) => e.name === 'UserError' && /"api" names the image 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/notes:2024\.06\.1, in eu-west-1, but the connection is to us-east-1/.test(e.message),
        );
        assert.ok(!rec.steps.some((s) => /^Sending context/.test(s)), 'nothing was built');
      } finally {
        destroy();
      }
    });

    it('of another account: refused before the push', async () => {
      const { ecs, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
      const repo = uniqueRepo('elsewhere');
      try {
        await assert.rejects(
          deployWorkspace({ compose: withImage(`111111111111.dkr.ecr.us-east-1.amazonaws.com/${repo}:1`), cluster: 'named', service: 'notes', confirm: async () => true }, deps(ecs)),
          (e: Error) => e.name === 'UserError' && /111111111111\.dkr\.ecr\.us-east-1\.amazonaws\.com.*another account/.test(e.message),
        );
        assert.deepEqual(await registryTags(repo), [], 'nothing pushed');
      } finally {
        destroy();
      }
    });
  });
});

