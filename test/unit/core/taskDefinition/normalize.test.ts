import * as assert from 'node:assert/strict';
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { diffText, normalizeSize, sameDefinition } from '../../../../src/core/taskDefinition/normalize';
import { toRegisterInput, withImage } from '../../../../src/core/taskDefinition/registerInput';

/** What DescribeTaskDefinition returns (read-only fields included). */
const described: TaskDefinition = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
  registeredAt: new Date('2026-11-20T10:00:00Z'),
  registeredBy: 'arn:aws:iam::123456789012:user/dev',
  cpu: '512',
  memory: '1024',
  containerDefinitions: [
    {
      name: 'backend',
      image: 'web:1',
      essential: true,
      environment: [
        { name: 'PORT', value: '3000' },
        { name: 'MONGODB_URL', value: 'mongodb://localhost:27017/app' },
      ],
      portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp' }],
      mountPoints: [],
      volumesFrom: [],
    },
    { name: 'mongodb', image: 'mongo:7', essential: true, portMappings: [{ containerPort: 27017, hostPort: 27017, protocol: 'tcp' }] },
  ],
  volumes: [],
};

describe('task definitions for register and diff', () => {
  it('toRegisterInput drops exactly the read-only fields', () => {
    const input = toRegisterInput(described) as unknown as Record<string, unknown>;
    for (const f of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) {
      assert.ok(!(f in input), f);
    }
    assert.equal(input.family, 'web');
    assert.deepEqual(input.requiresCompatibilities, ['FARGATE']);
  });

  it('withImage swaps one container image and refuses an unknown container', () => {
    const next = withImage(toRegisterInput(described), 'backend', 'web@sha256:abc');
    assert.equal(next.containerDefinitions?.[0].image, 'web@sha256:abc');
    assert.equal(next.containerDefinitions?.[1].image, 'mongo:7');
    assert.equal(described.containerDefinitions?.[0].image, 'web:1', 'input untouched');
    assert.throws(() => withImage(next, 'frontend', 'x'), /has no container "frontend" \(it has backend, mongodb\)/);
  });

  it('a hand-written file with the same meaning diffs as equal', () => {
    const handWritten = {
      family: 'web',
      networkMode: 'awsvpc' as const,
      requiresCompatibilities: ['FARGATE' as const],
      cpu: '0.5 vCPU',
      memory: '1 GB',
      containerDefinitions: [
        { name: 'mongodb', image: 'mongo:7', portMappings: [{ containerPort: 27017 }] },
        {
          name: 'backend',
          image: 'web:1',
          environment: [
            { name: 'MONGODB_URL', value: 'mongodb://localhost:27017/app' },
            { name: 'PORT', value: '3000' },
          ],
          portMappings: [{ containerPort: 3000 }],
        },
      ],
    };
    assert.ok(sameDefinition(described, handWritten), diffText(handWritten));
  });

  it('a real change shows in the diff text', () => {
    const changed = withImage(toRegisterInput(described), 'backend', 'web:2');
    assert.ok(!sameDefinition(described, changed));
    const before = diffText(described).split('\n');
    const after = diffText(changed).split('\n');
    const differing = after.filter((l, i) => l !== before[i]);
    assert.deepEqual(differing, ['      "image": "web:2",']);
  });

  it('normalizeSize reads vCPU and GB forms', () => {
    assert.equal(normalizeSize('1 vCPU', 'cpu'), '1024');
    assert.equal(normalizeSize('0.25 vcpu', 'cpu'), '256');
    assert.equal(normalizeSize('2 GB', 'memory'), '2048');
    assert.equal(normalizeSize('512', 'memory'), '512');
    assert.equal(normalizeSize(undefined, 'cpu'), undefined);
  });
});
