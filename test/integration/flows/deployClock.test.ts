import * as assert from 'node:assert/strict';
import { deployService } from '../../../src/flows/deployService';
import { silentLogger } from '../../../src/core/logger';
import { createCluster, defaultNetwork, holdTasksRunning, registerTaskDefinition, seedClients, seedService } from '../../support/ecsSeed';
import { motoEndpoint, resetMoto } from '../env';

describe('Deploy: the rollout clock starts at the service update', function () {
  this.timeout(60000);
  before(async () => {
    await resetMoto();
    await holdTasksRunning(motoEndpoint());
  });

  it('time spent on the confirmation is not counted', async () => {
      const source = { kind: 'image', container: 'backend', image: 'example/app:2' } as const;
      const { ecs, ec2, destroy } = seedClients({ endpoint: motoEndpoint(), region: 'us-east-1' });
      try {
        const network = await defaultNetwork(ec2);
        const cluster = 'clock';
        await createCluster(ecs, cluster);
        const td = await registerTaskDefinition(ecs, 'clock');
        await seedService(ecs, network, { cluster, service: 'web', taskDefinition: td, tasks: 1 });
        let answeredAt = 0;
        // A user who reads the diff for a while: the clock must start after the answer.
        const confirm = async () => {
          await new Promise((r) => setTimeout(r, 400));
          answeredAt = Date.now();
          return true;
        };
        const result = await deployService(ecs, { cluster, service: 'web', source, confirm }, { log: silentLogger, progress: { report: () => undefined }, signal: new AbortController().signal });
        assert.ok(result);
        assert.ok(answeredAt > 0, 'the deploy asked for confirmation');
        assert.ok(result.startedAt.getTime() >= answeredAt, `startedAt ${result.startedAt.toISOString()} is before the answer`);
      } finally {
        destroy();
      }
  });
});
