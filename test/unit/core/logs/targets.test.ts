import * as assert from 'node:assert/strict';
import { resolveLogTargets } from '../../../../src/core/logs/logTargets';
import { awslogsStreamName, parseAwslogsStreamName, shortTaskId, taskIdFromArn } from '../../../../src/core/logs/streamNames';
import { UserError } from '../../../../src/core/userError';

const awslogs = (group: string, prefix?: string) => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': group, 'awslogs-region': 'eu-west-1', ...(prefix ? { 'awslogs-stream-prefix': prefix } : {}) },
});
const TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/sample-app:3';

describe('awslogs stream names', () => {
  it('prefix/container/taskId, and back', () => {
    assert.equal(awslogsStreamName('ecs', 'backend', 'abc123'), 'ecs/backend/abc123');
    assert.deepEqual(parseAwslogsStreamName('ecs/backend/abc123'), { prefix: 'ecs', container: 'backend', taskId: 'abc123' });
    assert.equal(parseAwslogsStreamName('i-0abc'), undefined);
    assert.equal(parseAwslogsStreamName('a//b'), undefined);
  });

  it('task ids from new- and old-style ARNs, shortened to 6 characters', () => {
    assert.equal(taskIdFromArn('arn:aws:ecs:us-east-1:123:task/demo/3f2a1c9d8e7f4a6b'), '3f2a1c9d8e7f4a6b');
    assert.equal(taskIdFromArn('arn:aws:ecs:us-east-1:123:task/3f2a1c9d'), '3f2a1c9d');
    assert.equal(shortTaskId('3f2a1c9d8e7f4a6b'), '3f2a1c');
  });
});

describe('resolveLogTargets (task definition → log groups and prefixes)', () => {
  const containers = [
    { name: 'backend', logConfiguration: awslogs('/ecs/sample-app', 'backend') },
    { name: 'mongodb' },
    { name: 'proxy', logConfiguration: { logDriver: 'json-file' } },
    { name: 'worker', logConfiguration: awslogs('/ecs/worker') },
  ];

  it('one target per awslogs container with a prefix; a fix-it sentence for each other one', () => {
    const r = resolveLogTargets(TD, containers);
    assert.deepEqual(r.targets, [{ container: 'backend', group: '/ecs/sample-app', prefix: 'backend', region: 'eu-west-1' }]);
    assert.equal(r.problems.length, 3);
    assert.match(r.problems[0], /Container "mongodb" of .*sample-app:3 has no log configuration.*"logDriver":"awslogs".*"awslogs-group":"\/ecs\/sample-app"/);
    assert.match(r.problems[1], /"proxy" .* uses the "json-file" log driver/);
    assert.match(r.problems[2], /"worker" .* has no "awslogs-stream-prefix".*add "awslogs-stream-prefix": "worker"/);
  });

  it('--container picks one; a container the task lacks is a UserError naming the ones it has', () => {
    assert.deepEqual(resolveLogTargets(TD, containers, 'backend').targets.map((t) => t.container), ['backend']);
    assert.deepEqual(resolveLogTargets(TD, containers, 'mongodb').targets, []);
    assert.throws(
      () => resolveLogTargets(TD, containers, 'frontend'),
      (e: unknown) => e instanceof UserError && /no container "frontend" — its containers are: backend, mongodb, proxy, worker/.test(e.message),
    );
  });
});
