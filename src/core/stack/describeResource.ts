import { resourceWords } from './resourceWords';
import { plural } from '../plural';

/**
 * Any CloudFormation template as a plain object, intrinsics as { Ref } / { 'Fn::…' }: the one
 * being deployed, or the stack's current one (GetTemplate's body, parsed). Only what the words need.
 */
export interface ParsedTemplate {
  readonly Parameters?: Readonly<Record<string, { readonly Default?: unknown } | undefined>>;
  readonly Resources?: Readonly<Record<string, ParsedResource | undefined>>;
}

export interface ParsedResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly DependsOn?: string | readonly string[];
  readonly Condition?: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The resource a value points at: { Ref: X }, { 'Fn::GetAtt': [X, …] } or 'X.Attr' → X. */
function refOf(v: unknown): string | undefined {
  const o = obj(v);
  if (!o) return undefined;
  if (typeof o.Ref === 'string') return o.Ref;
  const att = o['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
  if (typeof att === 'string') return att.split('.')[0];
  return undefined;
}

/** A value as text when it can be known without AWS: literals, parameters' defaults, simple Sub/Join. */
function text(v: unknown, t: ParsedTemplate | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const o = obj(v);
  if (!o) return undefined;
  if (typeof o.Ref === 'string') {
    if (o.Ref.startsWith('AWS::')) return undefined;
    const p = t?.Parameters?.[o.Ref];
    if (p) return p.Default !== undefined && p.Default !== '' ? text(p.Default, t) : undefined;
    return o.Ref;
  }
  const sub = o['Fn::Sub'];
  if (typeof sub === 'string') return sub.replace(/\$\{AWS::StackName\}/g, '<stack>');
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
  const join = o['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string') {
    const parts = arr(join[1]).map((x) => text(x, t));
    return parts.every((x) => x !== undefined) ? parts.join(join[0]) : undefined;
  }
  return undefined;
}

const num = (v: unknown, t: ParsedTemplate | undefined): number | undefined => {
  const s = text(v, t);
  return s !== undefined && s !== '' && !Number.isNaN(Number(s)) ? Number(s) : undefined;
};

const resources = (t: ParsedTemplate | undefined) => Object.entries(t?.Resources ?? {}).filter((e): e is [string, ParsedResource] => !!e[1]);
const ordinal = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** Where a target group's traffic goes: "backend:3000" from the service that registers with it, else ":3000". */
function targetOf(targetGroupId: string | undefined, t: ParsedTemplate | undefined): string {
  if (!targetGroupId) return 'a target group';
  for (const [, r] of resources(t)) {
    if (r.Type !== 'AWS::ECS::Service') continue;
    for (const lb of arr(r.Properties?.LoadBalancers)) {
      const l = obj(lb);
      if (l && refOf(l.TargetGroupArn) === targetGroupId) {
        const name = text(l.ContainerName, t);
        const port = text(l.ContainerPort, t);
        if (name && port) return `${name}:${port}`;
      }
    }
  }
  const port = text(t?.Resources?.[targetGroupId]?.Properties?.Port, t);
  return port ? `:${port}` : targetGroupId;
}

/** "HTTP :80 → backend:3000", "HTTP :80 → HTTPS :443" for one listener. */
function listenerRoute(p: Obj | undefined, t: ParsedTemplate | undefined): string {
  const protocol = text(p?.Protocol, t) ?? 'HTTP';
  const port = text(p?.Port, t) ?? '?';
  const action = obj(arr(p?.DefaultActions)[0]);
  let to = '';
  if (action?.Type === 'redirect') {
    const rc = obj(action.RedirectConfig);
    to = ` → ${text(rc?.Protocol, t) ?? protocol} :${text(rc?.Port, t) ?? port}`;
  } else if (action?.Type === 'forward') {
    to = ` → ${targetOf(refOf(action.TargetGroupArn) ?? refOf(obj(arr(obj(action.ForwardConfig)?.TargetGroups)[0])?.TargetGroupArn), t)}`;
  } else if (action?.Type) {
    to = ` → ${String(action.Type)}`;
  }
  return `${protocol} :${port}${to}`;
}

function healthCheckPath(targetGroupId: string | undefined, t: ParsedTemplate | undefined): string | undefined {
  if (!targetGroupId) return undefined;
  const p = t?.Resources?.[targetGroupId]?.Properties;
  return p ? (text(p.HealthCheckPath, t) ?? '/') : undefined;
}

function forwardedTargetGroup(listener: Obj | undefined): string | undefined {
  const a = obj(arr(listener?.DefaultActions)[0]);
  return a?.Type === 'forward' ? (refOf(a.TargetGroupArn) ?? refOf(obj(arr(obj(a.ForwardConfig)?.TargetGroups)[0])?.TargetGroupArn)) : undefined;
}

function source(rule: Obj, t: ParsedTemplate | undefined): string {
  const sg = refOf(rule.SourceSecurityGroupId);
  if (sg) return `from ${sg}`;
  const cidr = text(rule.CidrIp, t) ?? text(rule.CidrIpv6, t);
  if (cidr === '0.0.0.0/0' || cidr === '::/0') return 'from anywhere';
  return cidr ? `from ${cidr}` : 'from a source';
}

function ports(rule: Obj, t: ParsedTemplate | undefined): string {
  const proto = (text(rule.IpProtocol, t) ?? 'tcp').toUpperCase();
  const from = text(rule.FromPort, t);
  const to = text(rule.ToPort, t);
  if (proto === '-1') return 'all traffic';
  return `${proto} ${from}${to && to !== from ? `–${to}` : ''}`;
}

const gb = (mib: number) => `${Number((mib / 1024).toFixed(2))} GB`;
const vcpu = (units: number) => `${Number((units / 1024).toFixed(2))} vCPU`;

/**
 * A resource of the template in plain words, with the details a person checks before launching:
 * "Application Load Balancer, internet-facing, HTTP :80 → backend:3000, health check /".
 * Works on what the template says; values only AWS knows (subnet ids, ARNs) are left out.
 */
export function describeResource(logicalId: string, resource: ParsedResource | undefined, template?: ParsedTemplate): string {
  if (!resource) return logicalId;
  const p = resource.Properties ?? {};
  const t = template;
  const words = resourceWords(resource.Type);
  const join = (...parts: (string | undefined | false)[]) => parts.filter((x): x is string => !!x).join(', ');
  switch (resource.Type) {
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer': {
      const kind = text(p.Type, t) === 'network' ? 'Network Load Balancer' : 'Application Load Balancer';
      const listeners = resources(t)
        .filter(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener' && refOf(r.Properties?.LoadBalancerArn) === logicalId)
        .map(([, r]) => r.Properties)
        .sort((a, b) => (num(a?.Port, t) ?? 0) - (num(b?.Port, t) ?? 0));
      const tg = listeners.map((l) => forwardedTargetGroup(l)).find((x) => x);
      const health = healthCheckPath(tg, t);
      return join(kind, text(p.Scheme, t) ?? 'internet-facing', ...listeners.map((l) => listenerRoute(l, t)), health && `health check ${health}`);
    }
    case 'AWS::ElasticLoadBalancingV2::TargetGroup':
      return join(
        words,
        `${text(p.TargetType, t) === 'ip' ? 'IP' : (text(p.TargetType, t) ?? 'instance')} targets`,
        `${text(p.Protocol, t) ?? 'HTTP'} :${text(p.Port, t) ?? '?'}`,
        `health check ${text(p.HealthCheckPath, t) ?? '/'}`,
      );
    case 'AWS::ElasticLoadBalancingV2::Listener': {
      const cert = text(obj(arr(p.Certificates)[0])?.CertificateArn, t);
      return join(words, listenerRoute(p, t), cert && `certificate ${cert}`);
    }
    case 'AWS::ECS::Service': {
      const count = num(p.DesiredCount, t) ?? 1;
      const vpc = obj(obj(p.NetworkConfiguration)?.AwsvpcConfiguration);
      const lb = obj(arr(p.LoadBalancers)[0]);
      const launch = text(p.LaunchType, t) ?? (arr(p.CapacityProviderStrategy).length ? 'capacity providers' : 'Fargate');
      return join(
        `${words}${text(p.ServiceName, t) ? ` ${text(p.ServiceName, t)}` : ''}`,
        `${plural(count, 'task')} on ${launch === 'FARGATE' ? 'Fargate' : launch}`,
        text(vpc?.AssignPublicIp, t) === 'ENABLED' && 'public IP',
        lb && `behind the load balancer on ${text(lb.ContainerName, t)}:${text(lb.ContainerPort, t)}`,
      );
    }
    case 'AWS::ECS::TaskDefinition': {
      const cpu = num(p.Cpu, t);
      const mem = num(p.Memory, t);
      const names = arr(p.ContainerDefinitions).map((c) => text(obj(c)?.Name, t)).filter((x): x is string => !!x);
      const arm = text(obj(p.RuntimePlatform)?.CpuArchitecture, t) === 'ARM64';
      return join(
        `${words}${text(p.Family, t) ? ` ${text(p.Family, t)}` : ''}`,
        cpu !== undefined && mem !== undefined && `${vcpu(cpu)} / ${gb(mem)}${arm ? ' Arm' : ''}`,
        names.length > 0 && `${names.length === 1 ? 'container' : 'containers'} ${names.join(', ')}`,
      );
    }
    case 'AWS::ECS::Cluster':
      return `${words}${text(p.ClusterName, t) ? ` ${text(p.ClusterName, t)}` : ''}`;
    case 'AWS::Logs::LogGroup': {
      const days = num(p.RetentionInDays, t);
      return join(`${words}${text(p.LogGroupName, t) ? ` ${text(p.LogGroupName, t)}` : ''}`, days ? `logs kept ${plural(days, 'day')}` : 'logs kept forever');
    }
    case 'AWS::EFS::FileSystem':
      return join(words, p.Encrypted === true || p.Encrypted === 'true' ? 'encrypted' : 'not encrypted', resource.DeletionPolicy === 'Retain' && 'kept when the app is deleted');
    case 'AWS::EFS::MountTarget': {
      const fs = refOf(p.FileSystemId);
      const subnet = refOf(p.SubnetId) ?? text(p.SubnetId, t);
      return join(`${words}${fs ? ` of ${fs}` : ''}`, subnet && `in ${subnet}`);
    }
    case 'AWS::EFS::AccessPoint': {
      const root = obj(p.RootDirectory);
      const uid = text(obj(p.PosixUser)?.Uid, t);
      return join(`${words}${text(root?.Path, t) ? ` ${text(root?.Path, t)}` : ''}`, uid !== undefined && `files as uid ${uid}`);
    }
    case 'AWS::EC2::SecurityGroup': {
      const rules = arr(p.SecurityGroupIngress).map((r) => obj(r)).filter((r): r is Obj => !!r);
      const desc = text(p.GroupDescription, t);
      return join(`${words}${desc ? `: ${desc}` : ''}`, ...rules.map((r) => `lets in ${ports(r, t)} ${source(r, t)}`));
    }
    case 'AWS::EC2::SecurityGroupIngress': {
      const group = refOf(p.GroupId);
      return `${words}: ${group ? `${group} ` : ''}lets in ${ports(p, t)} ${source(p, t)}`;
    }
    case 'AWS::EC2::VPC':
      return join(words, text(p.CidrBlock, t));
    case 'AWS::EC2::Subnet': {
      const sel = obj(p.AvailabilityZone)?.['Fn::Select'];
      const zone = Array.isArray(sel) && typeof sel[0] !== 'object' ? ordinal[Number(sel[0])] : undefined;
      return join(
        p.MapPublicIpOnLaunch === true || p.MapPublicIpOnLaunch === 'true' ? 'Public subnet' : words,
        text(p.CidrBlock, t),
        zone ? `in the ${zone} zone` : text(p.AvailabilityZone, t) && `in ${text(p.AvailabilityZone, t)}`,
      );
    }
    case 'AWS::EC2::Route': {
      const igw = refOf(p.GatewayId);
      return join(words, `${text(p.DestinationCidrBlock, t) ?? '?'} → ${igw && t?.Resources?.[igw]?.Type === 'AWS::EC2::InternetGateway' ? 'internet gateway' : (igw ?? 'a gateway')}`);
    }
    case 'AWS::EC2::SubnetRouteTableAssociation': {
      const subnet = refOf(p.SubnetId);
      return subnet ? `${words} of ${subnet}` : words;
    }
    case 'AWS::IAM::Role': {
      const principals = arr(obj(p.AssumeRolePolicyDocument)?.Statement)
        .flatMap((s) => arr(obj(obj(s)?.Principal)?.Service).concat([obj(obj(s)?.Principal)?.Service]))
        .map((x) => text(x, t))
        .filter((x): x is string => !!x);
      const managed = arr(p.ManagedPolicyArns).map((x) => text(x, t) ?? '');
      const inline = arr(p.Policies).map((x) => text(obj(x)?.PolicyName, t)).filter((x): x is string => !!x);
      const execution = managed.some((m) => m.endsWith('AmazonECSTaskExecutionRolePolicy'));
      const who = execution
        ? 'task execution role (pulls images, writes logs)'
        : principals.some((x) => x.startsWith('ecs-tasks.'))
          ? 'role of the tasks'
          : principals.some((x) => x.startsWith('application-autoscaling.'))
            ? 'role for auto scaling'
            : undefined;
      return join(who ? `${words}: ${who}` : words, inline.length > 0 && `with ${inline.join(', ')}`);
    }
    case 'AWS::IAM::Policy':
    case 'AWS::IAM::ManagedPolicy':
      return `${words}${text(p.PolicyName, t) ?? text(p.ManagedPolicyName, t) ? ` ${text(p.PolicyName, t) ?? text(p.ManagedPolicyName, t)}` : ''}`;
    case 'AWS::ApplicationAutoScaling::ScalableTarget': {
      const min = text(p.MinCapacity, t);
      const max = text(p.MaxCapacity, t);
      return min && max ? `${words}: ${min}–${max} tasks` : words;
    }
    case 'AWS::ApplicationAutoScaling::ScalingPolicy': {
      const c = obj(p.TargetTrackingScalingPolicyConfiguration);
      const metric = text(obj(c?.PredefinedMetricSpecification)?.PredefinedMetricType, t);
      const value = text(c?.TargetValue, t);
      const what =
        metric === 'ECSServiceAverageCPUUtilization'
          ? `average CPU at ${value}%`
          : metric === 'ECSServiceAverageMemoryUtilization'
            ? `average memory at ${value}%`
            : metric === 'ALBRequestCountPerTarget'
              ? `${value} requests per task`
              : undefined;
      return what ? `${words}: keep ${what}` : words;
    }
    default:
      return words;
  }
}
