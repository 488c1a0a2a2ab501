import * as assert from 'node:assert/strict';
import { formatPreview, previewChangeSet, previewSummary } from '../../../../src/core/stack/changeSetPreview';
import { describeResource } from '../../../../src/core/stack/describeResource';
import { RESOURCE_GROUP_ORDER } from '../../../../src/core/stack/resourceWords';
import { createChanges, updateChanges } from './fixtures/changeSets';
import { httpsScalingTemplate, sampleTemplate } from './fixtures/template';

const describeIn = (t: typeof sampleTemplate, id: string) => describeResource(id, t.Resources![id], t);

describe('describeResource', () => {
  it('the load balancer with its listener, where it forwards and its health check', () => {
    assert.equal(describeIn(sampleTemplate, 'LoadBalancer'), 'Application Load Balancer, internet-facing, HTTP :80 → backend:3000, health check /');
    assert.equal(
      describeIn(httpsScalingTemplate, 'LoadBalancer'),
      'Application Load Balancer, internet-facing, HTTP :80 → HTTPS :443, HTTPS :443 → web:8080, health check /healthz',
    );
  });

  it('the other resources of the sample app', () => {
    const expected: Record<string, string> = {
      LogGroup: 'Log group /ecs/goals, logs kept 30 days',
      ExecutionRole: 'IAM role: task execution role (pulls images, writes logs), with ReadAppSecrets',
      Cluster: 'ECS cluster goals',
      LoadBalancerSecurityGroup: 'Security group: goals load balancer, lets in TCP 80 from anywhere',
      ServiceSecurityGroup: 'Security group: goals tasks',
      ServiceIngressFromLoadBalancer: 'Security group rule: ServiceSecurityGroup lets in TCP 3000 from LoadBalancerSecurityGroup',
      DataIngressFromService: 'Security group rule: DataSecurityGroup lets in TCP 2049 from ServiceSecurityGroup',
      DataFileSystem: 'EFS file system, encrypted, kept when the app is deleted',
      DataMountTarget1: 'EFS mount target of DataFileSystem',
      DataAccessPoint: 'EFS access point /data, files as uid 999',
      TargetGroup: 'Target group, IP targets, HTTP :3000, health check /',
      Listener: 'Listener, HTTP :80 → backend:3000',
      TaskDefinition: 'Task definition goals, 0.5 vCPU / 1 GB, containers backend, mongodb',
      Service: 'ECS service goals, 1 task on Fargate, public IP, behind the load balancer on backend:3000',
    };
    for (const [id, words] of Object.entries(expected)) assert.equal(describeIn(sampleTemplate, id), words, id);
  });

  it('a new VPC, HTTPS and auto scaling', () => {
    const expected: Record<string, string> = {
      Vpc: 'VPC, 10.0.0.0/16',
      PublicSubnet2: 'Public subnet, 10.0.1.0/24, in the second zone',
      InternetGateway: 'Internet gateway',
      GatewayAttachment: 'Internet gateway attachment',
      DefaultRoute: 'Route, 0.0.0.0/0 → internet gateway',
      Subnet1Routes: 'Route table association of PublicSubnet1',
      HttpsListener: 'Listener, HTTPS :443 → web:8080, certificate arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c',
      HttpListener: 'Listener, HTTP :80 → HTTPS :443',
      Service: 'ECS service web, 2 tasks on Fargate, behind the load balancer on web:8080',
      ScalableTarget: 'Auto scaling target: 2–6 tasks',
      CpuScaling: 'Auto scaling policy: keep average CPU at 70%',
    };
    for (const [id, words] of Object.entries(expected)) assert.equal(describeIn(httpsScalingTemplate, id), words, id);
  });

  it('what it cannot know it leaves out; a type it does not know keeps its name', () => {
    assert.equal(describeResource('X', { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: { Ref: 'TaskCpu' }, Memory: '1024' } }), 'Task definition');
    assert.equal(describeResource('D', { Type: 'AWS::CloudWatch::Dashboard' }), 'AWS::CloudWatch::Dashboard');
    assert.equal(describeResource('Missing', undefined), 'Missing');
  });
});

describe('change set preview', () => {
  it('a first launch: every resource added, grouped in the preview order, with details from the template', () => {
    const rows = previewChangeSet(createChanges, sampleTemplate);
    assert.equal(rows.length, 17);
    assert.ok(rows.every((r) => r.action === 'add' && r.detail === ''));
    const groups = rows.map((r) => RESOURCE_GROUP_ORDER.indexOf(r.group));
    assert.deepEqual(groups, [...groups].sort((a, b) => a - b), 'sorted by group');
    assert.deepEqual([...new Set(rows.map((r) => r.group))], ['network', 'load balancer', 'service', 'storage', 'roles', 'logs']);
    assert.equal(rows.find((r) => r.logicalId === 'LoadBalancer')!.words, 'Application Load Balancer, internet-facing, HTTP :80 → backend:3000, health check /');
    assert.equal(previewSummary(rows), '17 to add');
  });

  it('an update: replacements first, then by group; what changes and why', () => {
    const previous = { Resources: { ...sampleTemplate.Resources, CpuScaling: httpsScalingTemplate.Resources!.CpuScaling } };
    const rows = previewChangeSet(updateChanges, sampleTemplate, previous);
    assert.deepEqual(
      rows.map((r) => [r.action, r.logicalId]),
      [
        ['replace', 'TaskDefinition'],
        ['replace', 'DataMountTarget1'],
        ['modify', 'TargetGroup'],
        ['modify', 'Service'],
        ['remove', 'CpuScaling'],
        ['add', 'AppLogsDashboard'],
      ],
    );
    const by = Object.fromEntries(rows.map((r) => [r.logicalId, r]));
    assert.equal(by.TaskDefinition.detail, 'replaced because of ContainerDefinitions; also Tags');
    assert.equal(by.DataMountTarget1.detail, 'may be replaced because of SubnetId');
    assert.equal(by.DataMountTarget1.mayReplace, true);
    assert.equal(by.TargetGroup.detail, 'HealthCheckPath: / → /ping');
    assert.equal(by.Service.detail, 'TaskDefinition (follows TaskDefinition)', 'one entry per property, however many evaluations');
    assert.equal(by.CpuScaling.words, 'Auto scaling policy: keep average CPU at 70%', 'a removed resource is described from the previous template');
    assert.equal(by.AppLogsDashboard.group, 'other');
    assert.equal(previewSummary(rows), '2 to replace, 1 to add, 2 to modify, 1 to remove');
  });

  it('plain text for the CLI: one line per resource with its sign', () => {
    const lines = formatPreview(previewChangeSet(updateChanges, sampleTemplate));
    assert.equal(lines.length, updateChanges.length);
    assert.equal(lines[0], '! replace TaskDefinition    Task definition goals, 0.5 vCPU / 1 GB, containers backend, mongodb (replaced because of ContainerDefinitions; also Tags)');
    assert.equal(lines[2], '~ modify  TargetGroup       Target group, IP targets, HTTP :3000, health check / (HealthCheckPath: / → /ping)');
    assert.equal(lines[4], '- remove  CpuScaling        Auto scaling policy');
    assert.equal(lines[5], '+ add     AppLogsDashboard  AWS::CloudWatch::Dashboard');
    assert.deepEqual(formatPreview([]), []);
    assert.equal(previewSummary([]), 'no changes');
  });
});
