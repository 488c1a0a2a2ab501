import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { AMBIGUOUS_PORT_CODE, APP_TAG_KEY, isUsageDiagnostic, stackName, templateToYaml, type StackTemplate } from '../../../../src/core/stack/index';
import { container, fails, find, ofType, ok, props, resource, SAMPLE_APP, stack, stackOf } from './stackHelper';

const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
const ref = (id: string) => ({ Ref: id });

/** Resource types that take tags, and the property that holds them. */
const TAGGABLE: Record<string, string> = {
  'AWS::ECS::Cluster': 'Tags',
  'AWS::ECS::TaskDefinition': 'Tags',
  'AWS::ECS::Service': 'Tags',
  'AWS::Logs::LogGroup': 'Tags',
  'AWS::IAM::Role': 'Tags',
  'AWS::EC2::SecurityGroup': 'Tags',
  'AWS::EC2::VPC': 'Tags',
  'AWS::EC2::Subnet': 'Tags',
  'AWS::EC2::InternetGateway': 'Tags',
  'AWS::EC2::RouteTable': 'Tags',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Tags',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'Tags',
  'AWS::EFS::FileSystem': 'FileSystemTags',
  'AWS::EFS::AccessPoint': 'AccessPointTags',
};

function assertTagged(t: StackTemplate, appId: string): void {
  for (const [id, r] of Object.entries(t.Resources)) {
    const key = TAGGABLE[r.Type];
    if (!key) continue;
    const tags = r.Properties[key] as Array<{ Key: string; Value: string }>;
    assert.ok(tags?.some((x) => x.Key === APP_TAG_KEY && x.Value === appId), `${id} is tagged ${APP_TAG_KEY}=${appId}`);
  }
}

/** Every ingress rule of the template: [to group, from (group or CIDR), port]. */
function ingressPaths(t: StackTemplate): string[] {
  const name = (v: unknown) => (typeof v === 'string' ? v : ((v as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]));
  const out: string[] = [];
  for (const [id, r] of Object.entries(t.Resources)) {
    if (r.Type === 'AWS::EC2::SecurityGroup') {
      for (const i of (r.Properties.SecurityGroupIngress as Array<Record<string, unknown>> | undefined) ?? []) out.push(`${id} <- ${i.CidrIp} :${i.FromPort}-${i.ToPort}`);
    }
    if (r.Type === 'AWS::EC2::SecurityGroupIngress') out.push(`${name(r.Properties.GroupId)} <- ${name(r.Properties.SourceSecurityGroupId)} :${r.Properties.FromPort}-${r.Properties.ToPort}`);
  }
  return out.sort();
}

describe('the app stack: the seed-like sample app (backend + MongoDB, env_file, nodemon, bind mount, named volume)', () => {
  const r = stackOf(SAMPLE_APP, { port: 'backend:3000' });
  const t = ok(r);

  it('holds the task render makes, in CloudFormation form, with the stack role, log group and account-free images', () => {
    const td = props(t, 'TaskDefinition');
    assert.equal(td.Family, 'sample-app');
    assert.deepEqual([td.Cpu, td.Memory, td.NetworkMode], ['512', '1024', 'awsvpc']);
    assert.deepEqual(td.RequiresCompatibilities, ['FARGATE']);
    assert.deepEqual(td.ExecutionRoleArn, getAtt('ExecutionRole', 'Arn'));
    const backend = container(t, 'backend');
    assert.deepEqual(backend.Image, { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/sample-app-backend:latest' });
    assert.deepEqual(backend.Command, ['node', 'app.js'], 'nodemon → node');
    assert.deepEqual(backend.Environment.find((e: { Name: string }) => e.Name === 'MONGODB_URL'), { Name: 'MONGODB_URL', Value: 'mongodb://localhost:27017/app' });
    assert.equal(backend.MountPoints, undefined, 'the bind mount is dropped');
    assert.deepEqual(backend.DependsOn, [{ ContainerName: 'mongodb', Condition: 'START' }]);
    for (const c of td.ContainerDefinitions) {
      assert.deepEqual(c.LogConfiguration, { LogDriver: 'awslogs', Options: { 'awslogs-group': ref('LogGroup'), 'awslogs-region': ref('AWS::Region'), 'awslogs-stream-prefix': c.Name } });
    }
    assert.deepEqual(props(t, 'LogGroup'), { LogGroupName: '/ecs-deploy/sample-app/sample-app', RetentionInDays: 30, Tags: [{ Key: APP_TAG_KEY, Value: 'sample-app/sample-app' }] });
    // Render's findings come along, with their positions.
    find(r, 'warning', /bind mount \.\/backend → \/usr\/src\/app is dropped/);
    assert.ok(r.diagnostics.some((d) => d.file.endsWith('backend.env') && d.line === 1 && /MONGODB_URL/.test(d.message)));
  });

  it('the execution role: the managed policy and ssm:GetParameters on exactly the app path', () => {
    const role = props(t, 'ExecutionRole');
    assert.deepEqual(role.AssumeRolePolicyDocument.Statement[0].Principal, { Service: 'ecs-tasks.amazonaws.com' });
    assert.deepEqual(role.ManagedPolicyArns, [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }]);
    const statements = role.Policies[0].PolicyDocument.Statement;
    assert.deepEqual(statements, [
      { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/ecs-deploy/sample-app/sample-app/*' }] },
    ]);
  });

  it('the load balancer: internet-facing, target type ip on the container port, HTTP listener; the service waits for it', () => {
    assert.equal(props(t, 'LoadBalancer').Scheme, 'internet-facing');
    assert.deepEqual(props(t, 'LoadBalancer').Subnets, ref('SubnetIds'));
    const tg = props(t, 'TargetGroup');
    assert.deepEqual([tg.TargetType, tg.Port, tg.Protocol, tg.HealthCheckPath, tg.Matcher.HttpCode], ['ip', 3000, 'HTTP', '/', '200-399']);
    assert.deepEqual([props(t, 'HttpListener').Port, props(t, 'HttpListener').DefaultActions], [80, [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }]]);
    const svc = resource(t, 'Service');
    assert.ok(svc.DependsOn?.includes('HttpListener'), 'a service created before its listener fails');
    assert.ok(svc.DependsOn?.includes('TaskIngressFromLoadBalancer'), 'health checks can reach the first tasks');
    assert.deepEqual(svc.Properties.LoadBalancers, [{ ContainerName: 'backend', ContainerPort: 3000, TargetGroupArn: ref('TargetGroup') }]);
    assert.equal(svc.Properties.HealthCheckGracePeriodSeconds, 60);
    // The registered port is one the container maps.
    assert.ok(container(t, 'backend').PortMappings.some((p: { ContainerPort: number }) => p.ContainerPort === 3000));
  });

  it('the service: Fargate, awsvpc with a public IP, circuit breaker with rollback, one copy of the database at a time', () => {
    const s = props(t, 'Service');
    assert.equal(s.LaunchType, 'FARGATE');
    assert.equal(s.ServiceName, 'sample-app');
    assert.equal(s.DesiredCount, 1);
    assert.deepEqual(s.NetworkConfiguration.AwsvpcConfiguration, { AssignPublicIp: 'ENABLED', Subnets: ref('SubnetIds'), SecurityGroups: [getAtt('TaskSecurityGroup', 'GroupId')] });
    assert.deepEqual(s.DeploymentConfiguration, { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 0, MaximumPercent: 100 });
    assert.equal(s.PropagateTags, 'SERVICE');
    assert.deepEqual(s.Cluster, { 'Fn::If': ['CreateClusterCondition', ref('Cluster'), 'sample-app'] });
    find(r, 'info', /"mongodb" \(mongo\) writes mongo-data on EFS: each deployment stops the running task/);
  });

  it('security groups: the world on 80 to the load balancer only, the load balancer to the tasks on 3000 only, the tasks to EFS on 2049 only', () => {
    assert.deepEqual(ingressPaths(t), [
      'EfsSecurityGroup <- TaskSecurityGroup :2049-2049',
      'LoadBalancerSecurityGroup <- 0.0.0.0/0 :80-80',
      'TaskSecurityGroup <- LoadBalancerSecurityGroup :3000-3000',
    ]);
  });

  it('the named volume: an encrypted EFS kept on delete, a mount target per subnet, an access point owned by uid 999, transit encryption', () => {
    const fs = resource(t, 'EfsMongoData');
    assert.deepEqual([fs.Type, fs.DeletionPolicy, fs.UpdateReplacePolicy, fs.Properties.Encrypted], ['AWS::EFS::FileSystem', 'Retain', 'Retain', true]);
    const mts = ofType(t, 'AWS::EFS::MountTarget');
    assert.deepEqual(mts.map(([id]) => id), ['EfsMongoDataMountTarget1', 'EfsMongoDataMountTarget2']);
    assert.deepEqual(mts.map(([, m]) => m.Properties.SubnetId), [{ 'Fn::Select': [0, ref('SubnetIds')] }, { 'Fn::Select': [1, ref('SubnetIds')] }]);
    for (const [, m] of mts) assert.deepEqual(m.Properties.SecurityGroups, [getAtt('EfsSecurityGroup', 'GroupId')]);
    const ap = props(t, 'EfsMongoDataAccessPoint');
    assert.deepEqual(ap.PosixUser, { Uid: '999', Gid: '999' });
    assert.deepEqual(ap.RootDirectory.CreationInfo, { OwnerUid: '999', OwnerGid: '999', Permissions: '0755' });
    assert.deepEqual(props(t, 'TaskDefinition').Volumes, [
      { Name: 'mongo-data', EFSVolumeConfiguration: { FilesystemId: ref('EfsMongoData'), TransitEncryption: 'ENABLED', AuthorizationConfig: { AccessPointId: ref('EfsMongoDataAccessPoint'), IAM: 'DISABLED' } } },
    ]);
    assert.deepEqual(container(t, 'mongodb').MountPoints, [{ SourceVolume: 'mongo-data', ContainerPath: '/data/db', ReadOnly: false }]);
    const svc = resource(t, 'Service');
    assert.ok(['EfsMongoDataMountTarget1', 'EfsMongoDataMountTarget2', 'EfsIngressFromTasks'].every((m) => svc.DependsOn!.includes(m)), 'tasks start once the file system is reachable');
    assert.deepEqual(t.Outputs!.EfsMongoDataFileSystemId.Value, ref('EfsMongoData'));
    assert.equal(r.diagnostics.some((d) => d.code === 'named-volume'), false, "render's 'task storage' warning is answered by the stack");
  });

  it('the cluster is made only when CreateCluster is true, and kept when the app is deleted', () => {
    const c = resource(t, 'Cluster');
    assert.deepEqual([c.Condition, c.DeletionPolicy, c.UpdateReplacePolicy, c.Properties.ClusterName], ['CreateClusterCondition', 'Retain', 'Retain', 'sample-app']);
    assert.deepEqual(t.Parameters!.CreateCluster.AllowedValues, ['true', 'false']);
    assert.deepEqual(t.Conditions, { CreateClusterCondition: { 'Fn::Equals': [ref('CreateCluster'), 'true'] } });
    assert.equal(t.Parameters!.VpcId.Type, 'AWS::EC2::VPC::Id');
    assert.equal(t.Parameters!.SubnetIds.Type, 'List<AWS::EC2::Subnet::Id>');
  });

  it('outputs, tags and the app summary', () => {
    assert.deepEqual(t.Outputs!.ServiceUrl.Value, { 'Fn::Sub': 'http://${LoadBalancer.DNSName}' });
    assert.deepEqual(t.Outputs!.LoadBalancerDnsName.Value, getAtt('LoadBalancer', 'DNSName'));
    assert.deepEqual(t.Outputs!.ServiceArn.Value, ref('Service'));
    assert.equal(t.Outputs!.ClusterName.Value, 'sample-app');
    assertTagged(t, 'sample-app/sample-app');
    assert.deepEqual(r.app, {
      serviceName: 'sample-app',
      clusterName: 'sample-app',
      stackName: 'ecs-deploy-sample-app-sample-app',
      family: 'sample-app',
      publicPort: { container: 'backend', port: 3000 },
      https: false,
      healthCheckPath: '/',
      network: { mode: 'default' },
      desiredCount: 1,
      efsVolumes: [{ volume: 'mongo-data', logicalId: 'EfsMongoData' }],
      ephemeralVolumes: [],
      parameterPath: '/ecs-deploy/sample-app/sample-app',
      logGroupName: '/ecs-deploy/sample-app/sample-app',
      appId: 'sample-app/sample-app',
    });
    assert.deepEqual(r.secrets, []);
  });

  it('without --port both publishing services are candidates: a usage error naming them, no template', () => {
    const bare = stackOf(SAMPLE_APP);
    const e = fails(bare, /several services publish ports \(backend:3000, mongodb:27017\)/);
    assert.equal(e.code, AMBIGUOUS_PORT_CODE);
    assert.ok(isUsageDiagnostic(e));
    assert.ok(e.file.endsWith('compose.yaml') && e.line === 8, `on the first candidate's ports, got ${e.line}`);
    assert.equal(bare.app?.stackName, 'ecs-deploy-sample-app-sample-app', 'names are still known');
  });

  it('the YAML: CloudFormation-readable, no anchors, the same template', () => {
    const yaml = templateToYaml(t);
    assert.doesNotMatch(yaml, /[&*]\w+\s/, 'no YAML anchors or aliases');
    assert.deepEqual(parse(yaml), JSON.parse(JSON.stringify(t)));
  });
});

describe('the app stack: a web app with a health check', () => {
  const web = (extra = '') => `
services:
  web:
    image: ghcr.io/acme/web:1.2
    ports: ["8080:5000"]
    healthcheck:
      test: ["CMD-SHELL", "curl -f http://localhost:5000/healthz || exit 1"]
      interval: 10s
      start_period: 90s
${extra}`;

  it('the one publishing service is public, on its container port; the health check path is its own', () => {
    const r = stack(web());
    const t = ok(r);
    assert.deepEqual(r.app?.publicPort, { container: 'web', port: 5000 });
    assert.equal(props(t, 'TargetGroup').Port, 5000);
    assert.equal(props(t, 'TargetGroup').HealthCheckPath, '/healthz');
    assert.equal(props(t, 'Service').HealthCheckGracePeriodSeconds, 120, 'longer than the start period');
    find(r, 'info', /checks \/healthz on web:5000, the path of its own health check/);
    assert.equal(ofType(t, 'AWS::EFS::FileSystem').length, 0);
    assert.deepEqual(props(t, 'Service').DeploymentConfiguration, { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 });
    assert.equal(container(t, 'web').Image, 'ghcr.io/acme/web:1.2');
  });

  it('--health-check-path wins; x-ecs gives it otherwise', () => {
    assert.equal(props(ok(stack(web(), { healthCheckPath: '/ping' })), 'TargetGroup').HealthCheckPath, '/ping');
    assert.equal(props(ok(stack(web('x-ecs:\n  healthCheckPath: /status\n'))), 'TargetGroup').HealthCheckPath, '/status');
    assert.equal(props(ok(stack(web('x-ecs:\n  healthCheckPath: /status\n'), { healthCheckPath: '/ping' })), 'TargetGroup').HealthCheckPath, '/ping');
  });

  it('a health check on another port does not choose the path', () => {
    const r = stack(web().replace('localhost:5000/healthz', 'localhost:9000/metrics'));
    assert.equal(props(ok(r), 'TargetGroup').HealthCheckPath, '/');
  });

  it('--port must name a service and a port it listens on (not the published one): usage errors', () => {
    const e1 = fails(stack(web(), { port: 'api:5000' }), /--port names service "api", which is not an enabled service of the project \(web\)/);
    assert.ok(isUsageDiagnostic(e1));
    const e2 = fails(stack(web(), { port: 'web:8080' }), /"web" does not listen on 8080 \(its container ports are 5000; give the container port, not a published host port\)/);
    assert.ok(isUsageDiagnostic(e2));
  });

  it('x-ecs port with a bad value is an error on its line, not a usage error', () => {
    const e = fails(stack(web('x-ecs:\n  port: web\n')), /x-ecs port must be SERVICE:CONTAINER_PORT/);
    assert.equal(e.line, 11);
    assert.equal(isUsageDiagnostic(e), false);
  });
});

describe('the app stack: several published ports, a worker with none', () => {
  const three = `
services:
  api: {image: acme/api, ports: ["8000"]}
  admin: {image: acme/admin, ports: ["9000:9000"]}
  cache: {image: redis:7, ports: ["6379:6379"]}
`;
  it('several candidates and no --port: one usage error naming each with its first container port', () => {
    const e = fails(stack(three), /several services publish ports \(api:8000, admin:9000, cache:6379\): choose the one the load balancer serves with --port SERVICE:CONTAINER_PORT/);
    assert.equal(e.code, AMBIGUOUS_PORT_CODE);
    assert.equal(ok(stack(three, { port: 'admin:9000' })).Resources.TargetGroup.Properties.Port, 9000);
    assert.equal(ok(stack(`${three}x-ecs:\n  port: api:8000\n`)).Resources.TargetGroup.Properties.Port, 8000);
  });

  it('a worker that publishes nothing: a private service, no load balancer, nothing comes into the tasks', () => {
    const r = stack('services:\n  worker:\n    image: acme/worker:3\n    command: ["node", "worker.js"]\n');
    const t = ok(r);
    for (const type of ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::EC2::SecurityGroupIngress']) {
      assert.equal(ofType(t, type).length, 0, type);
    }
    const s = props(t, 'Service');
    assert.equal(s.LoadBalancers, undefined);
    assert.equal(s.HealthCheckGracePeriodSeconds, undefined);
    assert.equal(resource(t, 'Service').DependsOn, undefined);
    assert.deepEqual(ingressPaths(t), []);
    assert.equal(t.Outputs!.ServiceUrl, undefined);
    assert.deepEqual(t.Outputs!.ServiceArn.Value, ref('Service'));
    assert.equal(r.app?.publicPort, undefined);
    find(r, 'info', /no service publishes a port: the app is a private service, without a load balancer/);
    // --port none makes any app private.
    assert.equal(ok(stack(three, { port: 'none' })).Resources.LoadBalancer, undefined);
  });
});

describe('the app stack: networks', () => {
  const app = 'services:\n  web: {image: nginx:1.27, ports: ["80"]}\nvolumes: {}\n';
  it('--vpc new: a VPC, two public subnets in two zones, an internet gateway and a default route, all in the stack', () => {
    const r = stack('services:\n  web: {image: nginx:1.27, ports: ["80"]}\n  db: {image: "postgres:16", volumes: ["pg:/var/lib/postgresql/data"]}\nvolumes: {pg: {}}\n', { vpc: 'new' });
    const t = ok(r);
    assert.equal(t.Parameters!.VpcId, undefined);
    assert.equal(t.Parameters!.SubnetIds, undefined);
    assert.equal(props(t, 'Vpc').CidrBlock, '10.0.0.0/16');
    assert.equal(props(t, 'Vpc').EnableDnsHostnames, true, 'EFS is mounted by DNS name');
    assert.deepEqual(ofType(t, 'AWS::EC2::Subnet').map(([, s]) => [s.Properties.CidrBlock, s.Properties.AvailabilityZone, s.Properties.MapPublicIpOnLaunch]), [
      ['10.0.0.0/24', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, true],
      ['10.0.1.0/24', { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }, true],
    ]);
    assert.deepEqual(props(t, 'GatewayAttachment'), { VpcId: ref('Vpc'), InternetGatewayId: ref('InternetGateway') });
    assert.deepEqual(props(t, 'PublicRoute'), { RouteTableId: ref('PublicRouteTable'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('InternetGateway') });
    assert.equal(ofType(t, 'AWS::EC2::SubnetRouteTableAssociation').length, 2);
    assert.equal(ofType(t, 'AWS::EC2::NatGateway').length, 0, 'no NAT gateway: tasks have public IPs');
    assert.deepEqual(props(t, 'Service').NetworkConfiguration.AwsvpcConfiguration.Subnets, [ref('PublicSubnet1'), ref('PublicSubnet2')]);
    assert.ok(resource(t, 'Service').DependsOn!.includes('PublicRoute'), 'tasks need the route out to pull images');
    assert.deepEqual(resource(t, 'LoadBalancer').DependsOn, ['GatewayAttachment']);
    assert.deepEqual(ofType(t, 'AWS::EFS::MountTarget').map(([, m]) => m.Properties.SubnetId), [ref('PublicSubnet1'), ref('PublicSubnet2')]);
    for (const id of ['TaskSecurityGroup', 'LoadBalancerSecurityGroup', 'EfsSecurityGroup']) assert.deepEqual(props(t, id).VpcId, ref('Vpc'));
    assert.deepEqual(r.app?.network, { mode: 'new' });
    assertTagged(t, r.app!.appId);
  });

  it('--vpc VPC_ID --subnets: parameters defaulting to them; --subnets alone is a usage error', () => {
    const t = ok(stack(app, { vpc: 'vpc-0123456789abcdef0', subnets: ['subnet-01234567', 'subnet-89abcdef'] }));
    assert.equal(t.Parameters!.VpcId.Default, 'vpc-0123456789abcdef0');
    assert.equal(t.Parameters!.SubnetIds.Default, 'subnet-01234567,subnet-89abcdef');
    assert.equal(t.Resources.Vpc, undefined);
    const e = fails(stack(app, { subnets: ['subnet-01234567', 'subnet-89abcdef'] }), /--subnets goes with a VPC id/);
    assert.ok(isUsageDiagnostic(e));
    fails(stack(app, { vpc: 'vpc-0123456789abcdef0', subnets: ['subnet-01234567'] }), /--subnets takes exactly two subnets/);
  });
});

describe('the app stack: HTTPS', () => {
  const cert = 'arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';
  it('with a certificate: HTTPS on 443 forwarding, 80 redirecting to it, the world on 80 and 443, an https URL', () => {
    const r = stack('services:\n  web: {image: nginx:1.27, ports: ["80"]}\n', { certificateArn: cert });
    const t = ok(r);
    const https = props(t, 'HttpsListener');
    assert.deepEqual([https.Port, https.Protocol, https.Certificates], [443, 'HTTPS', [{ CertificateArn: cert }]]);
    assert.deepEqual(https.DefaultActions, [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }]);
    assert.deepEqual(props(t, 'HttpListener').DefaultActions, [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }]);
    assert.deepEqual(ingressPaths(t), ['LoadBalancerSecurityGroup <- 0.0.0.0/0 :443-443', 'LoadBalancerSecurityGroup <- 0.0.0.0/0 :80-80', 'TaskSecurityGroup <- LoadBalancerSecurityGroup :80-80']);
    assert.deepEqual(resource(t, 'Service').DependsOn, ['HttpListener', 'HttpsListener', 'TaskIngressFromLoadBalancer']);
    assert.deepEqual(t.Outputs!.ServiceUrl.Value, { 'Fn::Sub': 'https://${LoadBalancer.DNSName}' });
    assert.equal(r.app?.https, true);
  });

  it('a certificate with nothing public, or one that is not an ARN, is refused', () => {
    fails(stack('services:\n  w: {image: busybox}\n', { certificateArn: cert }), /--certificate-arn needs a load balancer, but no service publishes a port/);
    fails(stack('services:\n  w: {image: busybox, ports: ["80"]}\n', { certificateArn: 'my-cert' }), /--certificate-arn must be an ACM certificate ARN/);
  });
});

describe('the app stack: scaling and the database in the task', () => {
  it('refused: --max > 1 with MongoDB writing EFS is an error on the compose line naming the ways out', () => {
    const e = fails(stackOf(SAMPLE_APP, { port: 'backend:3000', min: 1, max: 3, cpuTarget: 60 }), /--max 3 can run 3 copies of the task, but its database "mongodb" \(mongo\) writes the volume mongo-data on EFS/);
    assert.equal(e.code, 'database-copies');
    assert.ok(e.file.endsWith('compose.yaml') && e.line === 24, `on the volume line, got ${e.line}`);
    assert.match(e.message, /Amazon DocumentDB or MongoDB Atlas/);
    assert.match(e.message, /the database as its own service/);
    assert.match(e.message, /--ephemeral mongo-data/);
    assert.equal(isUsageDiagnostic(e), false, 'exit 1, not a usage error');
  });

  it('refused: --desired 2, deploy.replicas 2, or x-ecs scaling — each on its own line', () => {
    fails(stackOf(SAMPLE_APP, { port: 'backend:3000', desired: 2 }), /--desired 2 can run 2 copies/);
    const yaml = (extra: string) => `services:\n  api:\n    image: acme/api\n    ports: ["8000"]\n${extra}  db:\n    image: postgres:16\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes:\n  pg: {}\n`;
    const replicas = fails(stack(yaml('    deploy: {replicas: 2}\n')), /deploy.replicas 2 of "api" can run 2 copies of the task, but its database "db" \(postgres\)/);
    assert.equal(replicas.line, 5);
    assert.match(replicas.message, /Amazon RDS or Aurora/);
    const xScaling = fails(stack(`${yaml('')}x-ecs:\n  scaling: {min: 1, max: 4}\n`), /x-ecs scaling.max 4 can run 4 copies/);
    assert.equal(xScaling.line, 11);
  });

  it('allowed with --ephemeral: scalable target and CPU policy, a warning that every copy has its own database, no EFS', () => {
    const r = stackOf(SAMPLE_APP, { port: 'backend:3000', min: 2, max: 5, cpuTarget: 60, ephemeral: ['mongo-data'] });
    const t = ok(r);
    const target = props(t, 'ScalableTarget');
    assert.deepEqual([target.MinCapacity, target.MaxCapacity, target.ScalableDimension, target.ServiceNamespace], [2, 5, 'ecs:service:DesiredCount', 'ecs']);
    assert.deepEqual(target.ResourceId, { 'Fn::Join': ['/', ['service', 'sample-app', getAtt('Service', 'Name')]] });
    const policy = props(t, 'CpuScalingPolicy');
    assert.equal(policy.PolicyType, 'TargetTrackingScaling');
    assert.deepEqual(policy.ScalingTargetId, ref('ScalableTarget'));
    assert.deepEqual(policy.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification, { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' });
    assert.equal(policy.TargetTrackingScalingPolicyConfiguration.TargetValue, 60);
    assert.equal(props(t, 'Service').DesiredCount, 2, 'the scaling minimum');
    find(r, 'warning', /every one of the 5 copies of the task runs its own, separate mongo database "mongodb"/);
    const eph = find(r, 'warning', /named volume mongo-data stays on the task's own storage \(--ephemeral\): its data is lost/);
    assert.equal(eph.line, 24);
    assert.equal(ofType(t, 'AWS::EFS::FileSystem').length, 0);
    assert.deepEqual(props(t, 'TaskDefinition').Volumes, [{ Name: 'mongo-data' }]);
    assert.equal(props(t, 'Service').DeploymentConfiguration.MinimumHealthyPercent, 100);
    assert.deepEqual(r.app?.scaling, { min: 2, max: 5, cpuTarget: 60 });
    assert.deepEqual(r.app?.ephemeralVolumes, ['mongo-data']);
  });

  it('scaling an app without a database is fine; options that do not fit together are refused', () => {
    const t = ok(stack('services:\n  web: {image: nginx, ports: ["80"]}\n', { max: 4 }));
    assert.deepEqual([props(t, 'ScalableTarget').MinCapacity, props(t, 'ScalableTarget').MaxCapacity], [1, 4]);
    assert.equal(props(t, 'CpuScalingPolicy').TargetTrackingScalingPolicyConfiguration.TargetValue, 70);
    fails(stack('services:\n  web: {image: nginx}\n', { min: 2 }), /auto scaling needs --max N too \(--min given\)/);
    fails(stack('services:\n  web: {image: nginx}\n', { min: 5, max: 2 }), /--min 5 is above --max 2/);
    fails(stack('services:\n  web: {image: nginx}\n', { desired: 9, max: 2 }), /--desired 9 is outside the scaling range 1–2/);
    fails(stack('services:\n  web: {image: nginx}\n', { ephemeral: ['nope'] }), /--ephemeral names volume "nope", which no service mounts/);
  });

  it('a database read-only on its volume, or with no volume, is not one that writes EFS', () => {
    const t = ok(stack('services:\n  cache: {image: "redis:7-alpine", volumes: ["conf:/usr/local/etc/redis:ro"]}\nvolumes: {conf: {}}\n', { desired: 3 }));
    assert.equal(props(t, 'Service').DesiredCount, 3);
    assert.deepEqual(props(t, 'EfsConfAccessPoint').PosixUser, undefined, 'no writer: ownership is left to the container');
  });

  it('volume owners: compose user, Alpine Postgres 70, Redis 999', () => {
    const owner = (svc: string) => props(ok(stack(`services:\n  s:\n${svc}    volumes: [d:/data]\nvolumes: {d: {}}\n`)), 'EfsDAccessPoint').PosixUser;
    assert.deepEqual(owner('    image: acme/app\n    user: "1000:2000"\n'), { Uid: '1000', Gid: '2000' });
    assert.deepEqual(owner('    image: postgres:16-alpine\n'), { Uid: '70', Gid: '70' });
    assert.deepEqual(owner('    image: docker.io/library/redis:7\n'), { Uid: '999', Gid: '999' });
    assert.equal(owner('    image: acme/app\n'), undefined);
  });
});

describe('the app stack: secrets go to SSM Parameter Store, never into the template', () => {
  const yaml = `
name: shop
services:
  api:
    image: acme/api:4
    ports: ["8000"]
    env_file: api.env
    environment:
      DATABASE_URL: postgresql://shop:s3cr3t-pw@db:5432/shop
      LOG_LEVEL: info
    x-ecs:
      secrets:
        STRIPE_KEY: arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/stripe
        SENTRY_TOKEN: /shared/sentry-token
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2-db
`;
  const files = { 'api.env': 'API_TOKEN=tok-abc-123\nSESSION_SECRET=keep-me-safe\n' };

  it('secret-looking variables become Secrets read from the app path; values only in the secrets list', () => {
    const r = stack(yaml, { port: 'api:8000' }, files);
    const t = ok(r);
    const api = container(t, 'api');
    assert.deepEqual(api.Environment, [{ Name: 'LOG_LEVEL', Value: 'info' }]);
    const arn = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/ecs-deploy/shop/shop/${name}` });
    assert.deepEqual(api.Secrets, [
      { Name: 'API_TOKEN', ValueFrom: arn('API_TOKEN') },
      { Name: 'DATABASE_URL', ValueFrom: arn('DATABASE_URL') },
      { Name: 'SENTRY_TOKEN', ValueFrom: '/shared/sentry-token' },
      { Name: 'SESSION_SECRET', ValueFrom: arn('SESSION_SECRET') },
      { Name: 'STRIPE_KEY', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/stripe' },
    ]);
    assert.equal(container(t, 'db').Environment, undefined);
    assert.deepEqual(container(t, 'db').Secrets, [{ Name: 'POSTGRES_PASSWORD', ValueFrom: arn('POSTGRES_PASSWORD') }]);
    assert.deepEqual(
      r.secrets.map((s) => [s.container, s.variable, s.parameterName, s.value]),
      [
        ['api', 'API_TOKEN', '/ecs-deploy/shop/shop/API_TOKEN', 'tok-abc-123'],
        ['api', 'DATABASE_URL', '/ecs-deploy/shop/shop/DATABASE_URL', 'postgresql://shop:s3cr3t-pw@localhost:5432/shop'],
        ['api', 'SESSION_SECRET', '/ecs-deploy/shop/shop/SESSION_SECRET', 'keep-me-safe'],
        ['db', 'POSTGRES_PASSWORD', '/ecs-deploy/shop/shop/POSTGRES_PASSWORD', 'hunter2-db'],
      ],
    );
    const yamlText = templateToYaml(t);
    for (const value of ['tok-abc-123', 's3cr3t-pw', 'keep-me-safe', 'hunter2-db']) assert.ok(!yamlText.includes(value), `${value} is not in the template`);
    // Render's "stored in plain text" warning is answered: an info, on the same line.
    const info = find(r, 'info', /API_TOKEN looks secret: the stack reads it from SSM Parameter Store \(\/ecs-deploy\/shop\/shop\/…/);
    assert.ok(info.file.endsWith('api.env') && info.line === 1);
    assert.equal(r.diagnostics.some((d) => d.code === 'secret-in-environment' && d.severity === 'warning'), false);
  });

  it('the execution role reads the app path and exactly what x-ecs.secrets names', () => {
    const t = ok(stack(yaml, { port: 'api:8000' }, files));
    assert.deepEqual(props(t, 'ExecutionRole').Policies[0].PolicyDocument.Statement, [
      {
        Effect: 'Allow',
        Action: 'ssm:GetParameters',
        Resource: [
          { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/ecs-deploy/shop/shop/*' },
          { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shared/sentry-token' },
        ],
      },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/stripe-??????'] },
    ]);
  });

  it('one name with different values in two containers: a parameter per container', () => {
    const r = stack('services:\n  a: {image: x, environment: {API_KEY: one}}\n  b: {image: y, environment: {API_KEY: two}}\n  c: {image: z, environment: {DB_PASSWORD: same}}\n  d: {image: w, environment: {DB_PASSWORD: same}}\n');
    ok(r);
    assert.deepEqual(r.secrets.map((s) => s.parameterName), ['/ecs-deploy/proj/proj/a/API_KEY', '/ecs-deploy/proj/proj/b/API_KEY', '/ecs-deploy/proj/proj/DB_PASSWORD', '/ecs-deploy/proj/proj/DB_PASSWORD']);
  });
});

describe('the app stack: x-ecs launch keys and names', () => {
  const base = 'services:\n  web: {image: nginx, ports: ["80"]}\n  db: {image: mongo:7, volumes: [data:/data/db]}\nvolumes: {data: {}}\n';
  it('x-ecs names the service and cluster, the options win; the stack name follows them', () => {
    const x = `${base}x-ecs:\n  service: shop-web\n  cluster: prod\n  logRetentionDays: 90\n  ephemeral: [data]\n`;
    const r = stack(x);
    const t = ok(r);
    assert.deepEqual([r.app?.serviceName, r.app?.clusterName, r.app?.stackName], ['shop-web', 'prod', 'ecs-deploy-prod-shop-web']);
    assert.equal(props(t, 'LogGroup').RetentionInDays, 90);
    assert.deepEqual(r.app?.ephemeralVolumes, ['data']);
    const over = stack(x, { cluster: 'staging', ephemeral: [] });
    assert.deepEqual([over.app?.clusterName, over.app?.serviceName], ['staging', 'shop-web']);
    assert.deepEqual(over.app?.efsVolumes, [{ volume: 'data', logicalId: 'EfsData' }], 'the options replace x-ecs ephemeral');
  });

  it('bad x-ecs values are errors on their lines; unknown keys are warned about', () => {
    const r = stack(`${base}x-ecs:\n  desiredCount: two\n  vpc: my-vpc\n  scaling: {min: 1, max: 3, cpuTarget: 300}\n  logRetentionDays: 10\n  listener: 8080\n`);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.code === 'x-ecs').map((d) => `${d.line} ${d.severity}: ${d.message.split(',')[0]}`),
      [
        "6 error: x-ecs desiredCount must be a whole number",
        "7 error: x-ecs vpc must be default",
        "8 error: x-ecs scaling.cpuTarget must be a CPU percentage above 0 and at most 100",
        "9 error: x-ecs logRetentionDays must be one of CloudWatch Logs' retentions (1",
        '10 warning: unknown x-ecs key "listener" is ignored (known: family',
      ],
    );
    assert.equal(r.template, undefined);
  });

  it('x-ecs.efs naming a file system: the stack uses it (no new file system) and says what it needs', () => {
    const r = stack(`${base}x-ecs:\n  efs:\n    data: {fileSystemId: fs-0123456789abcdef0}\n`);
    const t = ok(r);
    assert.equal(ofType(t, 'AWS::EFS::FileSystem').length, 0);
    assert.deepEqual(props(t, 'TaskDefinition').Volumes, [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-0123456789abcdef0' } }]);
    assert.deepEqual(r.app?.efsVolumes, [{ volume: 'data', logicalId: '', existingFileSystemId: 'fs-0123456789abcdef0' }]);
    find(r, 'warning', /the stack uses fs-0123456789abcdef0 as it is: its mount targets must .* let in NFS \(port 2049\) from the tasks' security group/);
    assert.equal(props(t, 'Service').DeploymentConfiguration.MaximumPercent, 100, 'the database writes it: one copy at a time');
    fails(stack(`${base}x-ecs:\n  efs:\n    data: {fileSystemId: fs-0123456789abcdef0}\n`, { ephemeral: ['data'] }), /both on EFS .* and --ephemeral/);
  });

  it('an execution role from x-ecs is used as it is: no role in the stack, and a word about reading the secrets', () => {
    const t = ok(stack(`${base}x-ecs:\n  executionRoleArn: arn:aws:iam::123456789012:role/exec\n`));
    assert.equal(t.Resources.ExecutionRole, undefined);
    assert.equal(props(t, 'TaskDefinition').ExecutionRoleArn, 'arn:aws:iam::123456789012:role/exec');
    const r = stack(`${base.replace('image: nginx,', 'image: nginx, environment: {API_TOKEN: t0k},')}x-ecs:\n  executionRoleArn: arn:aws:iam::123456789012:role/exec\n`);
    const w = find(r, 'warning', /the execution role arn:aws:iam::123456789012:role\/exec must be allowed ssm:GetParameters on \/ecs-deploy\/proj\/proj\/\* to read the 1 secret-looking/);
    assert.equal(w.line, 6);
  });

  it('stack names: stable, valid, distinct when names had to change', () => {
    assert.equal(stackName('prod', 'shop-web'), 'ecs-deploy-prod-shop-web');
    assert.equal(stackName('prod', 'shop-web'), stackName('prod', 'shop-web'));
    const a = stackName('my_cluster', 'web');
    const b = stackName('my-cluster', 'web');
    assert.notEqual(a, b);
    const long = stackName('c'.repeat(255), 's'.repeat(255));
    for (const n of [a, b, long]) assert.match(n, /^[A-Za-z][A-Za-z0-9-]{0,127}$/);
  });

  it('the YAML quotes what YAML 1.1 would read as something else', () => {
    const t = ok(stack('services:\n  w:\n    image: busybox\n    environment: {FLAG: "yes", MODE: "0755", AT: "1:30", NOTHING: "~"}\n'));
    const text = templateToYaml(t);
    for (const v of ['"yes"', '"0755"', '"1:30"', '"~"']) assert.ok(text.includes(`Value: ${v}`), v);
  });
});
