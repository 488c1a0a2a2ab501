import * as assert from 'node:assert/strict';
import type { Service } from '@aws-sdk/client-ecs';
import { serviceView } from '../../../../src/core/explorer/serviceView';

const service = (tags?: Service['tags']): Service => ({
  serviceName: 'goals',
  status: 'ACTIVE',
  desiredCount: 1,
  runningCount: 1,
  taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/goals:1',
  deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/goals:1', runningCount: 1, desiredCount: 1 }],
  tags,
});

describe('A service made by Launch on ECS is marked for its menus', () => {
  it('tagged with its app: contextValue ends in .app (Delete App, Show Stack Events)', () => {
    assert.match(serviceView(service([{ key: 'ecs-deploy:app', value: 'prod/goals' }])).contextValue, /^ecs\.service\.\w+\.app$/);
  });
  it('a service the caller knows is an app (its tags lost): .app too', () => {
    assert.match(serviceView(service(), undefined, 3, true).contextValue, /\.app$/);
  });
  it('any other service: no .app, so no Delete App', () => {
    assert.doesNotMatch(serviceView(service([{ key: 'team', value: 'web' }])).contextValue, /\.app$/);
    assert.doesNotMatch(serviceView(service()).contextValue, /\.app$/);
  });
});
