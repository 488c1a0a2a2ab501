import * as assert from 'node:assert/strict';
import { resourceIdOf, revisionOf, shortTaskId, taskDefinitionName } from '../../../../src/core/arns';
import { createLimiter } from '../../../../src/core/concurrency';
import { consoleUrl } from '../../../../src/core/explorer/consoleUrl';
import { timeAgo } from '../../../../src/core/explorer/timeAgo';

describe('timeAgo', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const ago = (s: number) => timeAgo(new Date(now.getTime() - s * 1000), now);
  it('reads like a person would say it', () => {
    assert.equal(ago(2), 'just now');
    assert.equal(ago(42), '42 s ago');
    assert.equal(ago(180), '3 min ago');
    assert.equal(ago(7200), '2 h ago');
    assert.equal(ago(5 * 86400), '5 d ago');
    assert.equal(timeAgo(undefined, now), '');
  });
});

describe('ARNs', () => {
  it('takes ids, short ids, names and revisions from ARNs', () => {
    const t = 'arn:aws:ecs:us-east-1:123456789012:task/demo/3f2a1c9d0e8b4a7f9c6d5e4f3a2b1c0d';
    assert.equal(resourceIdOf(t), '3f2a1c9d0e8b4a7f9c6d5e4f3a2b1c0d');
    assert.equal(shortTaskId(t), '3f2a1c');
    const td = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:12';
    assert.equal(taskDefinitionName(td), 'web:12');
    assert.equal(revisionOf(td), 12);
    assert.equal(revisionOf('web'), undefined);
  });
});

describe('consoleUrl', () => {
  it('a stack opens in the CloudFormation console by its id', () => {
    const id = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/ecs-deploy-prod-goals/1a2b';
    assert.equal(
      consoleUrl({ kind: 'stack', region: 'eu-west-1', stackId: id }),
      `https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/stackinfo?stackId=${encodeURIComponent(id)}`,
    );
  });
  it('points at the ECS console pages of each resource, region included', () => {
    assert.equal(consoleUrl({ kind: 'cluster', region: 'eu-west-1', cluster: 'prod' }), 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services?region=eu-west-1');
    assert.equal(
      consoleUrl({ kind: 'service', region: 'eu-west-1', cluster: 'prod', service: 'web' }),
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=eu-west-1',
    );
    assert.equal(
      consoleUrl({ kind: 'task', region: 'us-east-1', cluster: 'demo', taskArn: 'arn:aws:ecs:us-east-1:1:task/demo/abc123' }),
      'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/demo/tasks/abc123/configuration?region=us-east-1',
    );
    assert.equal(
      consoleUrl({ kind: 'taskDefinition', region: 'us-east-1', taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/web:3' }),
      'https://us-east-1.console.aws.amazon.com/ecs/v2/task-definitions/web/3?region=us-east-1',
    );
  });
});

describe('createLimiter', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 2));
          running--;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.equal(limit.peak, 3);
    assert.equal(limit.active, 0);
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot when a task fails', async () => {
    const limit = createLimiter(1);
    await assert.rejects(limit(() => Promise.reject(new Error('x'))));
    assert.equal(await limit(async () => 'next'), 'next');
  });
});
