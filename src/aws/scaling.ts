import {
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  type ApplicationAutoScalingClient,
  type ScalableTarget,
  type ScalingActivity,
  type ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';

/** Application Auto Scaling names an ECS service "service/<cluster>/<service>". */
export const serviceResourceId = (cluster: string, service: string) => `service/${cluster}/${service}`;

export interface ServiceScaling {
  readonly target: ScalableTarget;
  readonly policies: ScalingPolicy[];
  readonly activities: ScalingActivity[];
}

/** The service's scalable target with its policies and latest activities; undefined when it has none. */
export async function describeServiceScaling(aas: ApplicationAutoScalingClient, cluster: string, service: string, signal?: AbortSignal): Promise<ServiceScaling | undefined> {
  const ResourceId = serviceResourceId(cluster, service);
  const q = { ServiceNamespace: 'ecs' as const, ResourceIds: [ResourceId] };
  const targets = await aas.send(new DescribeScalableTargetsCommand(q), { abortSignal: signal });
  const target = targets.ScalableTargets?.find((t) => t.ScalableDimension === 'ecs:service:DesiredCount');
  if (!target) return undefined;
  const [policies, activities] = await Promise.all([
    aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId }), { abortSignal: signal }),
    aas.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: 'ecs', ResourceId, MaxResults: 5 }), { abortSignal: signal }),
  ]);
  return { target, policies: policies.ScalingPolicies ?? [], activities: activities.ScalingActivities ?? [] };
}
