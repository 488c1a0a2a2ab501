import * as assert from 'node:assert/strict';
import { loadBalancerView, targetHealthView } from '../../../../src/core/explorer/loadBalancerView';
import { policyWords, scalingActivityView, scalingView } from '../../../../src/core/explorer/scalingView';
import { stackView } from '../../../../src/core/explorer/stackView';

describe('Rows around a service: load balancer, targets, auto scaling, stack', () => {
  const unhealthy = {
    Target: { Id: '10.0.1.23', Port: 3000 },
    TargetHealth: { State: 'unhealthy' as const, Reason: 'Target.ResponseCodeMismatch' as const, Description: 'Health checks failed with these codes: [404]' },
  };
  const healthy = { Target: { Id: '10.0.2.7', Port: 3000 }, TargetHealth: { State: 'healthy' as const } };

  it('the load balancer row shows its URL and how many targets are healthy; a bad target turns it red', () => {
    const ok = loadBalancerView({ dnsName: 'app-1.us-east-1.elb.amazonaws.com', https: false, targets: [healthy] });
    assert.equal(ok.description, 'http://app-1.us-east-1.elb.amazonaws.com · 1/1 healthy');
    assert.equal(ok.contextValue, 'ecs.loadBalancer.url');
    const bad = loadBalancerView({ dnsName: 'app-1.us-east-1.elb.amazonaws.com', https: true, targets: [healthy, unhealthy] });
    assert.equal(bad.description, 'https://app-1.us-east-1.elb.amazonaws.com · 1/2 healthy');
    assert.equal(bad.icon.id, 'error');
    assert.equal(loadBalancerView({ https: false, targets: [] }).description, 'no DNS name · no targets yet');
  });

  it('a target says why it is unhealthy in ELB\'s own words', () => {
    const v = targetHealthView(unhealthy);
    assert.equal(v.label, '10.0.1.23:3000');
    assert.equal(v.description, 'unhealthy — Target.ResponseCodeMismatch: Health checks failed with these codes: [404]');
    assert.equal(targetHealthView(healthy).description, 'healthy');
  });

  it('auto scaling: the range, desired count and the policy in words; failed activities stand out', () => {
    const policy = { PolicyName: 'cpu', TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' as const } } };
    assert.equal(policyWords(policy as never), 'CPU 60%');
    const row = scalingView({ MinCapacity: 1, MaxCapacity: 4 } as never, [policy as never], 2);
    assert.equal(row.description, '1–4 tasks · desired 2 · CPU 60%');
    const failed = scalingActivityView({ Description: 'Setting desired count to 3.', StatusCode: 'Failed', StartTime: new Date('2026-12-01T10:00:00Z') } as never);
    assert.equal(failed.icon.id, 'error');
    assert.equal(failed.description, 'Failed · 2026-12-01 10:00');
  });

  it('the stack row: status, busy while in progress, failing after a rollback', () => {
    assert.equal(stackView({ StackName: 's', StackStatus: 'CREATE_COMPLETE' } as never).icon.id, 'pass-filled');
    assert.equal(stackView({ StackName: 's', StackStatus: 'UPDATE_IN_PROGRESS' } as never).contextValue, 'ecs.stack.busy');
    assert.equal(stackView({ StackName: 's', StackStatus: 'UPDATE_ROLLBACK_COMPLETE' } as never).icon.id, 'error');
  });
});
