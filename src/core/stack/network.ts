import { ref, select, type StackTemplate } from './cfn';

export type AppNetwork = { mode: 'default' } | { mode: 'new' } | { mode: 'existing'; vpcId: string; subnets?: string[] };

/** How the other resources refer to the network, whichever it is. */
export interface NetworkRefs {
  readonly vpcId: unknown;
  /** Both subnets, as a list. */
  readonly subnets: unknown;
  /** Subnet 0 or 1: one EFS mount target in each. */
  subnet(index: 0 | 1): unknown;
  /** What the load balancer must wait for (an internet gateway attached). */
  readonly loadBalancerDependsOn: string[];
  /** What the service must wait for (tasks need a route out to pull images). */
  readonly serviceDependsOn: string[];
}

/**
 * The default VPC or a given one are parameters `up` fills (the template never calls AWS);
 * `--vpc new` puts a VPC with two public subnets in two zones, an internet gateway and routes in
 * the stack (no NAT gateway: tasks get public IPs).
 */
export function addNetwork(t: StackTemplate, network: AppNetwork, tags: unknown): NetworkRefs {
  if (network.mode !== 'new') {
    const existing = network.mode === 'existing' ? network : undefined;
    t.Parameters = {
      ...t.Parameters,
      VpcId: {
        Type: 'AWS::EC2::VPC::Id',
        Description: existing ? 'The VPC the app runs in (--vpc)' : "The account's default VPC (ecs-deploy up finds it)",
        ...(existing ? { Default: existing.vpcId } : {}),
      },
      SubnetIds: {
        Type: 'List<AWS::EC2::Subnet::Id>',
        Description: 'Exactly two public subnets of that VPC, in two availability zones (load balancer, tasks, EFS mount targets)',
        ...(existing?.subnets ? { Default: existing.subnets.join(',') } : {}),
      },
    };
    return {
      vpcId: ref('VpcId'),
      subnets: ref('SubnetIds'),
      subnet: (i) => select(i, ref('SubnetIds')),
      loadBalancerDependsOn: [],
      serviceDependsOn: [],
    };
  }
  const r = t.Resources;
  r.Vpc = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true, Tags: tags } };
  r.InternetGateway = { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: tags } };
  r.GatewayAttachment = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('Vpc'), InternetGatewayId: ref('InternetGateway') } };
  r.PublicRouteTable = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc'), Tags: tags } };
  r.PublicRoute = {
    Type: 'AWS::EC2::Route',
    DependsOn: ['GatewayAttachment'],
    Properties: { RouteTableId: ref('PublicRouteTable'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('InternetGateway') },
  };
  for (const i of [0, 1] as const) {
    const id = `PublicSubnet${i + 1}`;
    r[id] = {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: ref('Vpc'),
        CidrBlock: `10.0.${i}.0/24`,
        AvailabilityZone: select(i, { 'Fn::GetAZs': '' }),
        MapPublicIpOnLaunch: true,
        Tags: tags,
      },
    };
    r[`${id}RouteTableAssociation`] = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(id), RouteTableId: ref('PublicRouteTable') } };
  }
  t.Outputs = { ...t.Outputs, VpcId: { Description: 'The VPC the stack made', Value: ref('Vpc') } };
  return {
    vpcId: ref('Vpc'),
    subnets: [ref('PublicSubnet1'), ref('PublicSubnet2')],
    subnet: (i) => ref(`PublicSubnet${i + 1}`),
    loadBalancerDependsOn: ['GatewayAttachment'],
    serviceDependsOn: ['PublicRoute', 'PublicSubnet1RouteTableAssociation', 'PublicSubnet2RouteTableAssociation'],
  };
}
