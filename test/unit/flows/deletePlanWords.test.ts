import * as assert from 'node:assert/strict';
import { deletePlanWords, type DeletePlan } from '../../../src/flows/stack/deleteApp';

const plan = (deleteData: boolean): DeletePlan => ({
  stackName: 'ecs-deploy-shop-goals',
  cluster: 'shop',
  service: 'goals',
  deleted: [
    { LogicalResourceId: 'LoadBalancer', ResourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() },
    { LogicalResourceId: 'Service', ResourceType: 'AWS::ECS::Service', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() },
  ],
  fileSystems: ['fs-0123456789abcdef0'],
  keptCluster: 'shop',
  deleteData,
});

describe('What Delete App / down says goes and stays (one wording for both faces)', () => {
  it('the data is kept and named by id, with the cluster and the images', () => {
    const w = deletePlanWords(plan(false));
    assert.deepEqual(w.deleted, ['Application Load Balancer LoadBalancer', 'ECS service Service']);
    assert.deepEqual(w.kept, [
      "EFS file system fs-0123456789abcdef0 (the app's data)",
      'cluster shop (other services may use it; an empty cluster costs nothing)',
      'the images in ECR',
    ]);
  });
  it('with --delete-data the file system is listed among what goes, not left out', () => {
    const w = deletePlanWords(plan(true));
    assert.ok(w.deleted.includes("EFS file system fs-0123456789abcdef0 (the app's data, gone for good)"));
    assert.ok(!w.kept.some((k) => k.includes('fs-0123456789abcdef0')));
  });
});
