import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Service } from '@aws-sdk/client-ecs';
import type { AwsClients } from '../aws/clients';
import { describeListeners, describeLoadBalancer, describeTargetGroup, describeTargetHealth } from '../aws/loadBalancers';
import { describeServiceScaling, type ServiceScaling } from '../aws/scaling';
import { describeStack, listStackResources } from '../aws/stacks';
import type { LoadBalancerFacts } from '../core/explorer/loadBalancerView';
import { stackName } from '../core/stack/names';
import { appOfStack } from '../core/stack/cfn';

/** What stands around a service: its load balancer with target health, its scaling, its stack. */
export interface ServiceInfrastructure {
  readonly loadBalancer?: LoadBalancerFacts;
  readonly scaling?: ServiceScaling;
  /** Set for services `ecs-deploy up` made (tagged with their app). */
  readonly stack?: Stack;
}

/**
 * The stack `up` made for a service, if any: named after its cluster and service, and tagged
 * with that app (a service's own tags may be missing, e.g. on emulators).
 */
export async function findAppStack(clients: AwsClients, cluster: string, service: string, signal?: AbortSignal): Promise<Stack | undefined> {
  const stack = await describeStack(clients.cloudFormation, stackName(cluster, service), signal);
  const app = appOfStack(stack?.Tags);
  return app && app.cluster === cluster && app.service === service ? stack : undefined;
}

/**
 * Reads a service's load balancer (its first target group: DNS name and each target's health),
 * its auto scaling and, for apps of ours, the stack. Each part fails alone: a missing
 * permission for one hides that row, not the others.
 */
export async function loadServiceInfrastructure(
  clients: AwsClients,
  cluster: string,
  service: Service,
  /** The app's stack as the caller knows it (null: known to have none); undefined: looked up by name. */
  knownStack: Stack | null | undefined,
  signal?: AbortSignal,
): Promise<ServiceInfrastructure & { errors: string[] }> {
  const errors: string[] = [];
  const part = <T>(what: string, p: Promise<T>): Promise<T | undefined> =>
    p.catch((err: unknown) => {
      errors.push(`${what}: ${(err as Error)?.message ?? String(err)}`);
      return undefined;
    });
  const name = service.serviceName ?? '';
  const stack = knownStack === undefined ? await part('stack', findAppStack(clients, cluster, name, signal)) : (knownStack ?? undefined);
  // A service names its target group; for an app of ours the stack does too (emulators drop it from the service).
  const lbRef = service.loadBalancers?.find((l) => l.targetGroupArn) ?? (stack?.StackId ? await part('stack resources', stackTargetGroup(clients, stack.StackId, signal)) : undefined);
  const [loadBalancer, scaling] = await Promise.all([
    lbRef?.targetGroupArn ? part('load balancer', loadBalancerFacts(clients, lbRef.targetGroupArn, lbRef.containerName, lbRef.containerPort, signal)) : undefined,
    part('auto scaling', describeServiceScaling(clients.autoScaling, cluster, name, signal)),
  ]);
  return { loadBalancer, scaling, stack, errors };
}

async function stackTargetGroup(clients: AwsClients, stackName: string, signal?: AbortSignal): Promise<{ targetGroupArn?: string; containerName?: string; containerPort?: number } | undefined> {
  const resources = await listStackResources(clients.cloudFormation, stackName, signal);
  const arn = resources.find((r) => r.ResourceType === 'AWS::ElasticLoadBalancingV2::TargetGroup')?.PhysicalResourceId;
  return arn ? { targetGroupArn: arn } : undefined;
}

async function loadBalancerFacts(clients: AwsClients, targetGroupArn: string, container: string | undefined, containerPort: number | undefined, signal?: AbortSignal): Promise<LoadBalancerFacts> {
  const tg = await describeTargetGroup(clients.elb, targetGroupArn, signal);
  const lbArn = tg?.LoadBalancerArns?.[0];
  const [lb, listeners, targets] = await Promise.all([
    lbArn ? describeLoadBalancer(clients.elb, lbArn, signal) : undefined,
    lbArn ? describeListeners(clients.elb, lbArn, signal) : [],
    describeTargetHealth(clients.elb, targetGroupArn, signal),
  ]);
  return {
    dnsName: lb?.DNSName,
    https: listeners.some((l) => l.Protocol === 'HTTPS'),
    targetGroupName: tg?.TargetGroupName,
    healthCheckPath: tg?.HealthCheckPath,
    container,
    containerPort: containerPort ?? tg?.Port,
    targets,
  };
}
