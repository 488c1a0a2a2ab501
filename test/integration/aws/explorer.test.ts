import * as assert from 'node:assert/strict';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECSClient, NetworkConfiguration } from '@aws-sdk/client-ecs';
import { AwsClients, MAX_CALLS_IN_FLIGHT } from '../../../src/aws/clients';
import { awsClientConfig } from '../../../src/aws/clientConfig';
import { describeService, forceNewDeployment, listServicePage, scaleService } from '../../../src/aws/services';
import { listClusterTasks, listServiceTasks, stopTask } from '../../../src/aws/tasks';
import { describeTaskDefinition } from '../../../src/aws/taskDefinitions';
import { groupTasks } from '../../../src/core/explorer/taskGroups';
import { createCluster, defaultNetwork, holdTasksRunning, registerTaskDefinition, runTasks, seedClients, seedService } from '../../support/ecsSeed';
import { motoEndpoint, resetMoto, testCredentials } from '../env';

interface Sent {
  command: string;
  input: Record<string, unknown>;
}

/** AwsClients as the extension builds them, with every call sent recorded. */
function countingClients(calls: Sent[]): AwsClients {
  const conn = { region: 'us-east-1', endpoint: motoEndpoint() };
  const clients = new AwsClients(conn, awsClientConfig(conn, { credentials: testCredentials, maxAttempts: 1 }));
  clients.ecs.middlewareStack.add(
    (next, context) => (args) => {
      calls.push({ command: context.commandName as string, input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'record', priority: 'high' },
  );
  return clients;
}

describe('explorer data against moto', function () {
  this.timeout(120000);
  let seed: { ecs: ECSClient; ec2: EC2Client; destroy(): void };
  let network: NetworkConfiguration;
  let td: string;

  beforeEach(async () => {
    await resetMoto();
    await holdTasksRunning(motoEndpoint());
    seed = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
    network = await defaultNetwork(seed.ec2);
    td = await registerTaskDefinition(seed.ecs, 'web');
    await createCluster(seed.ecs, 'prod');
  });

  afterEach(() => seed.destroy());

  it('describes a page of services in batches of 10, sorted by name', async () => {
    for (let i = 0; i < 23; i++) await seedService(seed.ecs, network, { cluster: 'prod', service: `svc-${String(22 - i).padStart(2, '0')}`, taskDefinition: td, tasks: 0 });
    const calls: Sent[] = [];
    const clients = countingClients(calls);
    const page = await listServicePage(clients.ecs, 'prod');
    assert.equal(page.services.length, 23);
    assert.equal(page.services[0].serviceName, 'svc-00');
    assert.equal(page.services[22].serviceName, 'svc-22');
    assert.equal(calls[0].command, 'ListServicesCommand');
    assert.equal(calls[0].input.maxResults, 100);
    const describes = calls.filter((c) => c.command === 'DescribeServicesCommand');
    assert.deepEqual(describes.map((c) => (c.input.services as string[]).length).sort((a, b) => b - a), [10, 10, 3]);
    assert.ok(clients.limiter.peak <= MAX_CALLS_IN_FLIGHT);
    clients.dispose();
  });

  it('lists a cluster\'s tasks once and splits them between services and standalone tasks', async () => {
    await seedService(seed.ecs, network, { cluster: 'prod', service: 'web', taskDefinition: td, tasks: 3 });
    await seedService(seed.ecs, network, { cluster: 'prod', service: 'api', taskDefinition: td, tasks: 2 });
    const [oneOff] = await runTasks(seed.ecs, network, { cluster: 'prod', taskDefinition: td, count: 1 });
    const calls: Sent[] = [];
    const clients = countingClients(calls);
    const tasks = await listClusterTasks(clients.ecs, 'prod');
    assert.equal(tasks.length, 6);
    const g = groupTasks(tasks, new Date());
    assert.equal(g.byService.get('web')?.length, 3);
    assert.equal(g.byService.get('api')?.length, 2);
    assert.deepEqual(g.standalone.map((t) => t.taskArn), [oneOff.taskArn]);
    // RUNNING and STOPPED listings, then one DescribeTasks for all six.
    assert.deepEqual(calls.map((c) => c.command).sort(), ['DescribeTasksCommand', 'ListTasksCommand', 'ListTasksCommand']);
    assert.ok(calls.filter((c) => c.command === 'ListTasksCommand').every((c) => c.input.maxResults === 100));
    clients.dispose();
  });

  it('a service\'s own tasks only, even where the endpoint ignores the serviceName filter', async () => {
    await seedService(seed.ecs, network, { cluster: 'prod', service: 'web', taskDefinition: td, tasks: 2 });
    await seedService(seed.ecs, network, { cluster: 'prod', service: 'api', taskDefinition: td, tasks: 1 });
    const clients = countingClients([]);
    const tasks = await listServiceTasks(clients.ecs, 'prod', 'web');
    assert.equal(tasks.length, 2);
    assert.ok(tasks.every((t) => t.group === 'service:web'));
    clients.dispose();
  });

  it('scale, force a new deployment and stop a task change what ECS reports', async () => {
    const [first] = await seedService(seed.ecs, network, { cluster: 'prod', service: 'web', taskDefinition: td, tasks: 2 });
    const clients = countingClients([]);
    assert.equal((await scaleService(clients.ecs, 'prod', 'web', 5))?.desiredCount, 5);
    assert.equal((await describeService(clients.ecs, 'prod', 'web'))?.desiredCount, 5);
    await assert.rejects(scaleService(clients.ecs, 'prod', 'web', -1), RangeError);

    const forced = await forceNewDeployment(clients.ecs, 'prod', 'web');
    assert.equal(forced?.taskDefinition, td, 'no new revision');

    const stopped = await stopTask(clients.ecs, 'prod', first.taskArn!, 'Stopped from a test');
    assert.equal(stopped?.desiredStatus, 'STOPPED');
    const after = groupTasks(await listClusterTasks(clients.ecs, 'prod'), new Date());
    assert.equal(after.byService.get('web')?.length, 1);
    assert.equal(after.stoppedByService.get('web')?.[0].stoppedReason, 'Stopped from a test');
    clients.dispose();
  });

  it('describes the task definition a service uses', async () => {
    const clients = countingClients([]);
    const def = await describeTaskDefinition(clients.ecs, td);
    assert.equal(def.family, 'web');
    assert.deepEqual(def.containerDefinitions?.map((c) => c.name), ['backend', 'mongodb']);
    await assert.rejects(describeTaskDefinition(clients.ecs, 'no-such-family:1'));
    clients.dispose();
  });
});
