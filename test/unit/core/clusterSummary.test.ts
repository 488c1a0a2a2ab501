import * as assert from 'node:assert/strict';
import { clusterDescription, sortClusters, summarizeCluster } from '../../../src/core/clusterSummary';

describe('cluster summaries', () => {
  it('takes the name from the ARN when the name is missing, zero for missing counts', () => {
    const s = summarizeCluster({ clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo' });
    assert.equal(s.name, 'demo');
    assert.equal(s.status, 'UNKNOWN');
    assert.equal(s.runningTasks, 0);
    assert.deepEqual(s.capacityProviders, []);
    assert.equal(summarizeCluster({ clusterName: 'x', runningTasksCount: -1 }).runningTasks, 0);
  });

  it('describes services and running tasks, and the status only when it is not ACTIVE', () => {
    const base = summarizeCluster({ clusterName: 'a', status: 'ACTIVE', runningTasksCount: 1, activeServicesCount: 1 });
    assert.equal(clusterDescription(base), '1 service · 1 running task');
    assert.equal(clusterDescription({ ...base, runningTasks: 3, activeServices: 40 }), '40 services · 3 running tasks');
    assert.equal(clusterDescription({ ...base, status: 'INACTIVE', runningTasks: 0, activeServices: 0 }), 'INACTIVE · 0 services · 0 running tasks');
  });

  it('sorts by name without changing the input', () => {
    const input = ['b', 'C', 'a'].map((n) => summarizeCluster({ clusterName: n }));
    assert.deepEqual(sortClusters(input).map((c) => c.name), ['a', 'b', 'C']);
    assert.deepEqual(input.map((c) => c.name), ['b', 'C', 'a']);
  });
});

