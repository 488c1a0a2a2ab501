import type { ScalableTarget, ScalingActivity, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import { md } from './markdown';
import { type RowView } from './rowView';
import { contextValue } from './contextValues';

/** A target-tracking policy in words: "CPU 70%". */
export function policyWords(p: ScalingPolicy): string {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  if (!tt) return p.PolicyName ?? p.PolicyType ?? 'policy';
  const metric = tt.PredefinedMetricSpecification?.PredefinedMetricType;
  const what = metric === 'ECSServiceAverageCPUUtilization' ? 'CPU' : metric === 'ECSServiceAverageMemoryUtilization' ? 'memory' : metric === 'ALBRequestCountPerTarget' ? 'requests per target' : (metric ?? 'custom metric');
  return `${what} ${tt.TargetValue ?? '?'}${metric === 'ALBRequestCountPerTarget' ? '' : '%'}`;
}

/** "Auto scaling  1–4 tasks · desired 2 · CPU 70%" — its children are recent activities. */
export function scalingView(target: ScalableTarget, policies: readonly ScalingPolicy[], desired: number | undefined): RowView {
  const range = `${target.MinCapacity ?? '?'}–${target.MaxCapacity ?? '?'} tasks`;
  const words = policies.map(policyWords);
  return {
    label: 'Auto scaling',
    description: [range, desired !== undefined ? `desired ${desired}` : '', ...words].filter(Boolean).join(' · '),
    tooltip: [`**Auto scaling** ${range}  `, ...policies.map((p) => `- ${md(p.PolicyName)}: ${md(policyWords(p))}`)].join('\n'),
    icon: { id: 'arrow-both' },
    contextValue: contextValue.scaling(),
  };
}

export function scalingActivityView(a: ScalingActivity): RowView {
  const failed = a.StatusCode === 'Failed';
  return {
    label: a.Description ?? a.ActivityId ?? 'activity',
    description: [a.StatusCode, a.StartTime?.toISOString().slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · '),
    tooltip: [md(a.Description), md(a.Cause), a.StatusMessage ? md(a.StatusMessage) : ''].filter(Boolean).join('\n\n'),
    icon: failed ? { id: 'error', color: 'testing.iconFailed' } : { id: 'history' },
    contextValue: contextValue.scalingActivity(),
  };
}
