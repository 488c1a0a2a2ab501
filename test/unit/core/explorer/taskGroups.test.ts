import * as assert from 'node:assert/strict';
import { groupTasks, serviceOfTask } from '../../../../src/core/explorer/taskGroups';
import { crashedTask, task } from './shapes';

const NOW = new Date('2026-11-24T10:45:00Z');
const arn = (id: string) => `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`;

describe('grouping a cluster\'s tasks', () => {
  it('puts service tasks under their service, RunTask ones in the standalone group', () => {
    const tasks = [
      task({ taskArn: arn('a1'), group: 'service:web' }),
      task({ taskArn: arn('b1'), group: 'service:api' }),
      task({ taskArn: arn('c1'), group: 'family:migrate', startedBy: 'jenkins' }),
      task({ taskArn: arn('d1'), group: undefined }),
    ];
    const g = groupTasks(tasks, NOW);
    assert.deepEqual(g.byService.get('web')?.map((t) => t.taskArn), [arn('a1')]);
    assert.deepEqual(g.byService.get('api')?.map((t) => t.taskArn), [arn('b1')]);
    assert.deepEqual(g.standalone.map((t) => t.taskArn), [arn('c1'), arn('d1')]);
    assert.equal(serviceOfTask(tasks[2]), undefined);
  });

  it('keeps stopped tasks of the last hour apart, newest first, and drops older ones', () => {
    const recent = { ...crashedTask, taskArn: arn('s1'), stoppedAt: new Date('2026-11-24T10:30:00Z') };
    const newer = { ...crashedTask, taskArn: arn('s2'), stoppedAt: new Date('2026-11-24T10:40:00Z') };
    const old = { ...crashedTask, taskArn: arn('s3'), stoppedAt: new Date('2026-11-24T09:30:00Z') };
    const g = groupTasks([task({}), recent, old, newer], NOW);
    assert.deepEqual(g.stoppedByService.get('web')?.map((t) => t.taskArn), [arn('s2'), arn('s1')]);
    assert.equal(g.byService.get('web')?.length, 1);
  });

  it('orders a service\'s live tasks by start time', () => {
    const late = task({ taskArn: arn('late'), startedAt: new Date('2026-11-24T10:20:00Z') });
    const early = task({ taskArn: arn('early'), startedAt: new Date('2026-11-24T10:00:00Z') });
    assert.deepEqual(groupTasks([late, early], NOW).byService.get('web')?.map((t) => t.taskArn), [arn('early'), arn('late')]);
  });
});
