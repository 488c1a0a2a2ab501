/** The groups a launch preview shows resources in, in this order. */
export type ResourceGroup = 'network' | 'load balancer' | 'service' | 'storage' | 'scaling' | 'roles' | 'logs' | 'other';

export const RESOURCE_GROUP_ORDER: readonly ResourceGroup[] = ['network', 'load balancer', 'service', 'storage', 'scaling', 'roles', 'logs', 'other'];

const GROUP_TITLES: Record<ResourceGroup, string> = {
  network: 'Network',
  'load balancer': 'Load balancer',
  service: 'Service',
  storage: 'Storage',
  scaling: 'Auto scaling',
  roles: 'Roles',
  logs: 'Logs',
  other: 'Other',
};

const TYPES: Record<string, { words: string; group: ResourceGroup }> = {
  'AWS::EC2::VPC': { words: 'VPC', group: 'network' },
  'AWS::EC2::Subnet': { words: 'Subnet', group: 'network' },
  'AWS::EC2::InternetGateway': { words: 'Internet gateway', group: 'network' },
  'AWS::EC2::VPCGatewayAttachment': { words: 'Internet gateway attachment', group: 'network' },
  'AWS::EC2::RouteTable': { words: 'Route table', group: 'network' },
  'AWS::EC2::Route': { words: 'Route', group: 'network' },
  'AWS::EC2::SubnetRouteTableAssociation': { words: 'Route table association', group: 'network' },
  'AWS::EC2::SecurityGroup': { words: 'Security group', group: 'network' },
  'AWS::EC2::SecurityGroupIngress': { words: 'Security group rule', group: 'network' },
  'AWS::EC2::SecurityGroupEgress': { words: 'Security group rule', group: 'network' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { words: 'Application Load Balancer', group: 'load balancer' },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { words: 'Target group', group: 'load balancer' },
  'AWS::ElasticLoadBalancingV2::Listener': { words: 'Listener', group: 'load balancer' },
  'AWS::ElasticLoadBalancingV2::ListenerRule': { words: 'Listener rule', group: 'load balancer' },
  'AWS::ECS::Cluster': { words: 'ECS cluster', group: 'service' },
  'AWS::ECS::ClusterCapacityProviderAssociations': { words: 'Cluster capacity providers', group: 'service' },
  'AWS::ECS::TaskDefinition': { words: 'Task definition', group: 'service' },
  'AWS::ECS::Service': { words: 'ECS service', group: 'service' },
  'AWS::IAM::Role': { words: 'IAM role', group: 'roles' },
  'AWS::IAM::Policy': { words: 'IAM policy', group: 'roles' },
  'AWS::IAM::ManagedPolicy': { words: 'IAM policy', group: 'roles' },
  'AWS::Logs::LogGroup': { words: 'Log group', group: 'logs' },
  'AWS::EFS::FileSystem': { words: 'EFS file system', group: 'storage' },
  'AWS::EFS::MountTarget': { words: 'EFS mount target', group: 'storage' },
  'AWS::EFS::AccessPoint': { words: 'EFS access point', group: 'storage' },
  'AWS::ApplicationAutoScaling::ScalableTarget': { words: 'Auto scaling target', group: 'scaling' },
  'AWS::ApplicationAutoScaling::ScalingPolicy': { words: 'Auto scaling policy', group: 'scaling' },
  'AWS::CloudFormation::Stack': { words: 'Stack', group: 'other' },
};

/** 'AWS::ElasticLoadBalancingV2::LoadBalancer' → 'Application Load Balancer'; a type we do not know keeps its name. */
export function resourceWords(resourceType: string | undefined): string {
  if (!resourceType) return 'Resource';
  return TYPES[resourceType]?.words ?? resourceType;
}

/** Which group of the preview a resource type belongs to ('other' for types we do not make). */
export function resourceGroup(resourceType: string | undefined): ResourceGroup {
  return (resourceType && TYPES[resourceType]?.group) || 'other';
}

/** 'load balancer' → 'Load balancer', for headings. */
export function resourceGroupTitle(group: ResourceGroup): string {
  return GROUP_TITLES[group];
}

export const STACK_RESOURCE_TYPE = 'AWS::CloudFormation::Stack';
