import type { TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import { md } from './markdown';
import { ICONS, type RowView } from './rowView';
import { contextValue } from './contextValues';
import { plural } from '../plural';

export interface LoadBalancerFacts {
  readonly dnsName?: string;
  readonly https: boolean;
  readonly targetGroupName?: string;
  readonly healthCheckPath?: string;
  readonly container?: string;
  readonly containerPort?: number;
  readonly targets: readonly TargetHealthDescription[];
}

export const loadBalancerUrl = (f: Pick<LoadBalancerFacts, 'dnsName' | 'https'>): string | undefined =>
  f.dnsName ? `${f.https ? 'https' : 'http'}://${f.dnsName}` : undefined;


/** "Load balancer  http://… · 1/1 healthy" — its children are the targets. */
export function loadBalancerView(f: LoadBalancerFacts): RowView {
  const healthy = f.targets.filter((t) => t.TargetHealth?.State === 'healthy').length;
  const unhealthy = f.targets.filter((t) => t.TargetHealth?.State === 'unhealthy').length;
  const url = loadBalancerUrl(f);
  const counts = f.targets.length ? `${healthy}/${f.targets.length} healthy` : 'no targets yet';
  return {
    label: 'Load balancer',
    description: [url ?? 'no DNS name', counts].join(' · '),
    tooltip: [
      `**Load balancer** ${url ? md(url) : ''}  `,
      f.targetGroupName ? `Target group: ${md(f.targetGroupName)} → ${md(f.container)}:${f.containerPort ?? '?'}  ` : '',
      f.healthCheckPath ? `Health check: ${md(f.healthCheckPath)}  ` : '',
      `Targets: ${plural(f.targets.length, 'target')}, ${healthy} healthy${unhealthy ? `, ${unhealthy} unhealthy` : ''}`,
    ].filter(Boolean).join('\n'),
    icon: unhealthy ? ICONS.failing : f.targets.length && healthy === f.targets.length ? ICONS.healthy : { id: 'globe' },
    contextValue: contextValue.loadBalancer(Boolean(url)),
  };
}

/** One target (a task's IP): healthy, or the reason ELB gives ("Target.ResponseCodeMismatch: …"). */
export function targetHealthView(t: TargetHealthDescription): RowView {
  const state = t.TargetHealth?.State ?? 'unknown';
  const reason = [t.TargetHealth?.Reason, t.TargetHealth?.Description].filter(Boolean).join(': ');
  const icon = state === 'healthy' ? ICONS.healthy : state === 'unhealthy' ? ICONS.failing : state === 'initial' ? ICONS.pending : state === 'draining' ? ICONS.stopped : ICONS.degraded;
  return {
    label: `${t.Target?.Id ?? '?'}:${t.Target?.Port ?? '?'}`,
    description: reason ? `${state} — ${reason}` : state,
    tooltip: `Target ${md(t.Target?.Id)}:${t.Target?.Port ?? ''} is **${md(state)}**${reason ? `\n\n${md(reason)}` : ''}`,
    icon,
    contextValue: contextValue.target(state),
  };
}
