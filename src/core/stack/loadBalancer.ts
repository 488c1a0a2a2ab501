import { getAtt, ref, type StackTemplate } from './cfn';
import type { NetworkRefs } from './network';

export interface LoadBalancerSpec {
  readonly port: number;
  readonly healthCheckPath: string;
  readonly certificateArn?: string;
  readonly taskSecurityGroup: string;
}

/** A modern TLS policy (TLS 1.3 and 1.2). */
const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/**
 * An internet-facing ALB with its own security group (the world on 80, and 443 with a
 * certificate), a target group of type ip (awsvpc tasks register by IP) on the container port,
 * the listener(s), and the one way into the tasks: from the load balancer, on that port.
 * Returns the listeners the service must wait for.
 */
export function addLoadBalancer(t: StackTemplate, spec: LoadBalancerSpec, net: NetworkRefs, tags: unknown): string[] {
  const r = t.Resources;
  const https = spec.certificateArn !== undefined;
  const worldOn = (port: number) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: '0.0.0.0/0', Description: `HTTP${port === 443 ? 'S' : ''} from anywhere` });
  r.LoadBalancerSecurityGroup = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'Load balancer: HTTP(S) from anywhere',
      VpcId: net.vpcId,
      SecurityGroupIngress: https ? [worldOn(80), worldOn(443)] : [worldOn(80)],
      Tags: tags,
    },
  };
  r.TaskIngressFromLoadBalancer = {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: {
      GroupId: getAtt(spec.taskSecurityGroup, 'GroupId'),
      SourceSecurityGroupId: getAtt('LoadBalancerSecurityGroup', 'GroupId'),
      IpProtocol: 'tcp',
      FromPort: spec.port,
      ToPort: spec.port,
      Description: `The load balancer to the container port ${spec.port}`,
    },
  };
  r.LoadBalancer = {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    ...(net.loadBalancerDependsOn.length ? { DependsOn: net.loadBalancerDependsOn } : {}),
    Properties: {
      Type: 'application',
      Scheme: 'internet-facing',
      IpAddressType: 'ipv4',
      Subnets: net.subnets,
      SecurityGroups: [getAtt('LoadBalancerSecurityGroup', 'GroupId')],
      Tags: tags,
    },
  };
  r.TargetGroup = {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: {
      TargetType: 'ip',
      Protocol: 'HTTP',
      Port: spec.port,
      VpcId: net.vpcId,
      HealthCheckPath: spec.healthCheckPath,
      Matcher: { HttpCode: '200-399' },
      // Deployments wait this long for a stopped task's connections; ALB's default is 300 s.
      TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
      Tags: tags,
    },
  };
  const forward = [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }];
  r.HttpListener = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref('LoadBalancer'),
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: https ? [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] : forward,
    },
  };
  if (!https) return ['HttpListener'];
  r.HttpsListener = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref('LoadBalancer'),
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: TLS_POLICY,
      Certificates: [{ CertificateArn: spec.certificateArn }],
      DefaultActions: forward,
    },
  };
  return ['HttpListener', 'HttpsListener'];
}
