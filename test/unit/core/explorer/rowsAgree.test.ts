import * as assert from 'node:assert/strict';
import type { Container } from '@aws-sdk/client-ecs';
import { clusterDescription, summarizeCluster, withListedCounts } from '../../../../src/core/clusterSummary';
import { containerView } from '../../../../src/core/explorer/containerView';
import { deployment, service, task } from './shapes';
import { isDeploying, serviceView } from '../../../../src/core/explorer/serviceView';

// What the issue saw: "demo 0 services · 1 running task" above a service; "web 1/1 · COMPLETED" with
// a green check above "No running tasks"; a stale primary deployment shown COMPLETED; a PENDING ·
// HEALTHY container spinning in a RUNNING task. Rows must agree with what they list.
describe('rows agree with their children', () => {
  it('a cluster counts the services and tasks it lists, once loaded (DescribeClusters said 0 services)', () => {
    const stale = summarizeCluster({ clusterName: 'demo', status: 'ACTIVE', activeServicesCount: 0, runningTasksCount: 1 });
    const listed = withListedCounts(stale, {
      services: 1,
      moreServices: false,
      tasks: [{ lastStatus: 'RUNNING' }, { lastStatus: 'PENDING' }, { lastStatus: 'STOPPED' }],
    });
    assert.equal(clusterDescription(listed), '1 service · 1 running task');
    assert.equal(listed.pendingTasks, 1);
    assert.equal(clusterDescription(withListedCounts(stale, { services: 100, moreServices: true, tasks: [] })), '100+ services · 0 running tasks');
  });

  it('a service counts the tasks listed under it: no green check above "No running tasks"', () => {
    const s = service({ desiredCount: 1, runningCount: 1, deployments: [deployment({ desiredCount: 1, runningCount: 1 })] });
    assert.equal(serviceView(s).description, '1/1 · COMPLETED', 'before its tasks are known: the service says');
    const none = serviceView(s, []);
    assert.equal(none.description, '0/1 · COMPLETED');
    assert.notEqual(none.icon.id, 'pass-filled');
    assert.equal(none.contextValue, 'ecs.service.degraded');
    assert.match(none.tooltip, /Tasks: 0 running · 0 pending · 1 desired/);
    const one = serviceView(s, [task({})]);
    assert.equal(one.description, '1/1 · COMPLETED');
    assert.equal(one.icon.id, 'pass-filled');
  });

  it('a service whose task definition differs from its PRIMARY deployment\'s is deploying', () => {
    const s = service({ taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8' });
    const v = serviceView(s, [task({}), task({})]);
    assert.equal(v.contextValue, 'ecs.service.deploying');
    assert.equal(v.icon.id, 'sync~spin');
    assert.equal(v.description, '2/2 · deploying web:8');
    assert.match(v.tooltip, /the primary deployment still runs web:7/);
    assert.ok(isDeploying(s));
  });

  it('a container PENDING in a RUNNING task is a warning, and never "PENDING · HEALTHY"', () => {
    const t = task({});
    const c: Container = { name: 'backend', image: 'api:1', lastStatus: 'PENDING', healthStatus: 'HEALTHY' };
    const v = containerView(c, t);
    assert.equal(v.icon.id, 'warning');
    assert.equal(v.description, 'api:1 · PENDING in a RUNNING task');
    // In a task that is itself starting, pending is what it should be.
    assert.equal(containerView(c, task({ lastStatus: 'PENDING' })).icon.id, 'loading~spin');
    assert.equal(containerView({ ...c, lastStatus: 'RUNNING' }, t).description, 'api:1 · RUNNING · HEALTHY');
  });
});
