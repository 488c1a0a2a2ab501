// The sandbox's completion of moto for launched apps (sandbox only; no test judges the product by
// it): moto never starts a service's tasks, so a load balancer of an app made by Launch on ECS /
// `ecs-deploy up` never has targets. Every couple of seconds this registers one target per desired
// task (an address of the default VPC) in each app's target group; moto reports registered
// targets healthy, so the tree's Load balancer row shows a healthy app as AWS would once its task runs.
import { CloudFormationClient, DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client, RegisterTargetsCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Starts the completion loop; returns a function that stops it. */
export function completeLaunchedApps({ endpoint, region = 'us-east-1', intervalMs = 2000, log = () => undefined }) {
  const cfg = { endpoint, region, credentials, maxAttempts: 1 };
  const cfn = new CloudFormationClient(cfg);
  const elb = new ElasticLoadBalancingV2Client(cfg);
  let stopped = false;
  const tick = async () => {
    const stacks = (await cfn.send(new DescribeStacksCommand({}))).Stacks ?? [];
    for (const s of stacks) {
      if (!s.Tags?.some((t) => t.Key === 'ecs-deploy:app') || !/_COMPLETE$/.test(s.StackStatus ?? '') || /DELETE|ROLLBACK/.test(s.StackStatus ?? '')) continue;
      const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: s.StackId }))).StackResourceSummaries ?? [];
      const tg = resources.find((r) => r.ResourceType === 'AWS::ElasticLoadBalancingV2::TargetGroup')?.PhysicalResourceId;
      if (!tg) continue;
      const health = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg }))).TargetHealthDescriptions ?? [];
      if (health.length) continue;
      const port = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg] }))).TargetGroups?.[0]?.Port ?? 80;
      await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg, Targets: [{ Id: '172.31.16.10', Port: port }] }));
      log(`sandbox plugin: registered a target for ${s.StackName} (moto starts no tasks)`);
    }
  };
  const loop = async () => {
    while (!stopped) {
      await tick().catch(() => undefined);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  void loop();
  return () => {
    stopped = true;
    cfn.destroy();
    elb.destroy();
  };
}
