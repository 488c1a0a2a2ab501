import * as assert from 'node:assert/strict';
import { RESOURCE_GROUP_ORDER, resourceGroup, resourceGroupTitle, resourceWords } from '../../../../src/core/stack/resourceWords';
import { RESOURCES } from './fixtures/stackEvents';
import { httpsScalingTemplate, sampleTemplate } from './fixtures/template';

describe('resource words', () => {
  it('every type our stacks use has words and a group', () => {
    const types = new Set([
      ...Object.values(RESOURCES).map((r) => r.type),
      ...Object.values(sampleTemplate.Resources!).map((r) => r!.Type),
      ...Object.values(httpsScalingTemplate.Resources!).map((r) => r!.Type),
      'AWS::IAM::Policy',
    ]);
    for (const t of types) {
      assert.notEqual(resourceWords(t), t, t);
      assert.notEqual(resourceGroup(t), 'other', t);
    }
  });

  it('names and groups', () => {
    assert.equal(resourceWords('AWS::ElasticLoadBalancingV2::LoadBalancer'), 'Application Load Balancer');
    assert.equal(resourceGroup('AWS::ElasticLoadBalancingV2::Listener'), 'load balancer');
    assert.equal(resourceGroup('AWS::EC2::SubnetRouteTableAssociation'), 'network');
    assert.equal(resourceGroup('AWS::EFS::AccessPoint'), 'storage');
    assert.equal(resourceGroup('AWS::ApplicationAutoScaling::ScalingPolicy'), 'scaling');
    assert.equal(resourceGroup('AWS::IAM::Role'), 'roles');
    assert.equal(resourceGroup('AWS::Logs::LogGroup'), 'logs');
    assert.equal(resourceGroup('AWS::ECS::TaskDefinition'), 'service');
    assert.equal(resourceWords('AWS::SQS::Queue'), 'AWS::SQS::Queue');
    assert.equal(resourceGroup('AWS::SQS::Queue'), 'other');
    assert.equal(resourceWords(undefined), 'Resource');
    assert.deepEqual(RESOURCE_GROUP_ORDER.map(resourceGroupTitle), ['Network', 'Load balancer', 'Service', 'Storage', 'Auto scaling', 'Roles', 'Logs', 'Other']);
  });
});
