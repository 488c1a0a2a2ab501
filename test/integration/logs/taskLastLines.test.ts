import * as assert from 'node:assert/strict';
import { lastLinesOfTask } from '../../../src/flows/logs/taskLastLines';
import { resetMoto } from '../env';
import { clients, createStream, holdTasksRunning, put, seedShop, startTask } from './seedService';

describe('lastLinesOfTask (for the rollout watcher) against moto', () => {
  let c: ReturnType<typeof clients>;
  before(async () => {
    await resetMoto();
    await holdTasksRunning();
    c = clients();
  });
  after(() => c.dispose());

  it('the last N lines of all awslogs containers of a task, merged in time order; a container without logs is a problem', async () => {
    const { taskDefinitionArn } = await seedShop(c.ecs, c.logs);
    const task = await startTask(c.ecs);
    await createStream(c.logs, `shop/api/${task}`);
    const t = Date.now() - 10_000;
    await put(c.logs, `shop/api/${task}`, Array.from({ length: 30 }, (_, i) => ({ timestamp: t + i * 2, message: `api ${i}` })));
    await createStream(c.logs, `shop/worker/${task}`);
    await put(c.logs, `shop/worker/${task}`, [{ timestamp: t + 57, message: 'worker: fatal: out of memory' }]);
    const taskArn = `arn:aws:ecs:us-east-1:123456789012:task/shop/${task}`;
    const r = await lastLinesOfTask({ ecs: c.ecs, logs: c.logs }, { taskArn, taskDefinitionArn }, { lines: 3, timeZone: 'utc' });
    assert.deepEqual(r.lines.map((l) => l.replace(/^\S+ /, '')), [`api ${task.slice(0, 6)} | api 28`, `worker ${task.slice(0, 6)} | worker: fatal: out of memory`, `api ${task.slice(0, 6)} | api 29`]);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0], /"sidecar"/);
  });
});
