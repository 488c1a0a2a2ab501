import * as assert from 'node:assert/strict';
import { activeDeployments, isDeploying, serviceHealth, serviceView } from '../../../../src/core/explorer/serviceView';
import { failedService, rollingService, service } from './shapes';

describe('service rows', () => {
  it('a steady service: running/desired and COMPLETED, green check, latest events in the tooltip', () => {
    const v = serviceView(service({}));
    assert.equal(v.label, 'web');
    assert.equal(v.description, '2/2 · COMPLETED');
    assert.deepEqual(v.icon, { id: 'pass-filled', color: 'testing.iconPassed' });
    assert.equal(v.contextValue, 'ecs.service.healthy');
    assert.match(v.tooltip, /Task definition: web:7/);
    assert.match(v.tooltip, /has reached a steady state/);
    assert.match(v.tooltip, /Launch type: FARGATE/);
  });

  it('a rolling update: deploying, spinning, both deployments with counts in the tooltip', () => {
    const v = serviceView(rollingService);
    assert.equal(v.description, '3/2 · IN_PROGRESS');
    assert.equal(v.icon.id, 'sync~spin');
    assert.equal(v.contextValue, 'ecs.service.deploying');
    assert.match(v.tooltip, /PRIMARY IN_PROGRESS — web:8: 1 running · 1 pending · 2 desired/);
    assert.match(v.tooltip, /ACTIVE COMPLETED — web:7: 2 running/);
    assert.equal(activeDeployments(rollingService).length, 2);
    assert.ok(isDeploying(rollingService));
  });

  it('two active deployments count as deploying even when the primary says COMPLETED', () => {
    const s = service({ deployments: [rollingService.deployments![0], { ...rollingService.deployments![1] }] });
    s.deployments![0] = { ...s.deployments![0], rolloutState: 'COMPLETED' };
    assert.equal(serviceHealth(s), 'deploying');
  });

  it('a circuit-breaker failure: red, FAILED, and the reason in the tooltip', () => {
    const v = serviceView(failedService);
    assert.equal(v.description, '2/2 · FAILED');
    assert.equal(v.contextValue, 'ecs.service.failing');
    assert.equal(v.icon.color, 'testing.iconFailed');
    assert.match(v.tooltip, /circuit breaker: tasks failed to start/);
    assert.ok(!isDeploying(failedService));
  });

  it('scaled to zero, short of tasks, and inactive each have their own state', () => {
    assert.equal(serviceHealth(service({ desiredCount: 0, runningCount: 0 })), 'scaledToZero');
    assert.equal(serviceView(service({ desiredCount: 0, runningCount: 0 })).icon.id, 'circle-slash');
    assert.equal(serviceHealth(service({ runningCount: 1 })), 'degraded');
    const crashing = service({ runningCount: 1, deployments: [{ ...service({}).deployments![0], runningCount: 1, failedTasks: 3 }] });
    assert.equal(serviceHealth(crashing), 'failing');
    const inactive = service({ status: 'INACTIVE' });
    assert.equal(serviceHealth(inactive), 'inactive');
    assert.match(serviceView(inactive).description, /INACTIVE$/);
  });

  it('escapes Markdown in names and messages that come from AWS', () => {
    const v = serviceView(service({ serviceName: 'a*b', events: [{ message: 'x_[y](z)' }] }));
    assert.match(v.tooltip, /\*\*a\\\*b\*\*/);
    assert.match(v.tooltip, /x\\_\\\[y\\\]\\\(z\\\)/);
  });
});
