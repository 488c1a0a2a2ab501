import {
  DescribeLoadBalancersCommand,
  DescribeListenersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';

export async function describeLoadBalancer(elb: ElasticLoadBalancingV2Client, arn: string, signal?: AbortSignal): Promise<LoadBalancer | undefined> {
  const out = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }), { abortSignal: signal });
  return out.LoadBalancers?.[0];
}

/** Each registered target's health, with the reason code and description when not healthy. */
export async function describeTargetHealth(elb: ElasticLoadBalancingV2Client, targetGroupArn: string, signal?: AbortSignal): Promise<TargetHealthDescription[]> {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), { abortSignal: signal });
  return out.TargetHealthDescriptions ?? [];
}

export async function describeTargetGroup(elb: ElasticLoadBalancingV2Client, arn: string, signal?: AbortSignal): Promise<TargetGroup | undefined> {
  const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }), { abortSignal: signal });
  return out.TargetGroups?.[0];
}

export async function describeListeners(elb: ElasticLoadBalancingV2Client, loadBalancerArn: string, signal?: AbortSignal): Promise<Listener[]> {
  const out = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }), { abortSignal: signal });
  return out.Listeners ?? [];
}
