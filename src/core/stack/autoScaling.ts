import { getAtt, join, ref, type StackTemplate } from './cfn';

export interface ScalingSpec {
  readonly min: number;
  readonly max: number;
  readonly cpuTarget: number;
}

/** A scalable target on the service's desired count and a target-tracking policy on its average CPU. */
export function addAutoScaling(t: StackTemplate, clusterName: string, s: ScalingSpec): void {
  t.Resources.ScalableTarget = {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: join('/', ['service', clusterName, getAtt('Service', 'Name')]),
      MinCapacity: s.min,
      MaxCapacity: s.max,
    },
  };
  t.Resources.CpuScalingPolicy = {
    Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
    Properties: {
      PolicyName: 'cpu-target-tracking',
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref('ScalableTarget'),
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: s.cpuTarget,
        ScaleInCooldown: 300,
        ScaleOutCooldown: 60,
      },
    },
  };
}
