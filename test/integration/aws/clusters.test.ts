import * as assert from 'node:assert/strict';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { listClusters } from '../../../src/aws/clusters';
import { awsClientConfig } from '../../../src/aws/clientConfig';
import { motoEndpoint, resetMoto, testCredentials } from '../env';

interface SentCall {
  command: string;
  input: { maxResults?: number; clusters?: string[] };
}

function ecsFor(region: string, calls?: SentCall[]): ECSClient {
  const ecs = new ECSClient(
    awsClientConfig({ region, endpoint: motoEndpoint() }, { credentials: testCredentials, maxAttempts: 1 }),
  );
  // Count the API calls actually sent, to hold the listing to the floor.
  ecs.middlewareStack.add((next, context) => (args) => {
    calls?.push({ command: context.commandName as string, input: args.input as SentCall['input'] });
    return next(args);
  }, { step: 'initialize', name: 'countCalls' });
  return ecs;
}

describe('listClusters against moto', () => {
  beforeEach(resetMoto);

  it('returns every cluster of the region, described and sorted by name', async () => {
    const ecs = ecsFor('us-east-1');
    for (const name of ['web', 'api', 'batch']) await ecs.send(new CreateClusterCommand({ clusterName: name }));
    await ecsFor('eu-west-1').send(new CreateClusterCommand({ clusterName: 'elsewhere' }));

    const clusters = await listClusters(ecs);
    assert.deepEqual(clusters.map((c) => c.name), ['api', 'batch', 'web']);
    assert.equal(clusters[0].status, 'ACTIVE');
    assert.equal(clusters[0].runningTasks, 0);
    assert.match(clusters[0].arn, /^arn:aws:ecs:us-east-1:\d{12}:cluster\/api$/);
  });

  it('asks for pages of 100 and describes in batches of 100: 2 DescribeClusters for 150 clusters', async function () {
    this.timeout(120000);
    const ecs = ecsFor('us-east-1');
    const names = Array.from({ length: 150 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    for (const clusterName of names) await ecs.send(new CreateClusterCommand({ clusterName }));

    const calls: SentCall[] = [];
    const counted = ecsFor('us-east-1', calls);
    const clusters = await listClusters(counted);
    assert.deepEqual(clusters.map((c) => c.name), names);
    // moto answers ListClusters in one page whatever maxResults says; AWS pages at 100.
    const lists = calls.filter((c) => c.command === 'ListClustersCommand');
    assert.ok(lists.length >= 1 && lists.every((c) => c.input.maxResults === 100));
    const describes = calls.filter((c) => c.command === 'DescribeClustersCommand');
    assert.deepEqual(describes.map((c) => c.input.clusters?.length), [100, 50]);
    assert.equal(calls.length, lists.length + 2);
  });

  it('an empty region lists nothing', async () => {
    assert.deepEqual(await listClusters(ecsFor('ap-south-1')), []);
  });

  it('stops when its signal is aborted', async () => {
    const ecs = ecsFor('us-east-1');
    await ecs.send(new CreateClusterCommand({ clusterName: 'x' }));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(listClusters(ecs, controller.signal), (e: Error) => e.name === 'AbortError');
  });
});
