import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { taskDefinitionName } from '../arns';
import { ICONS, md, type RowView } from './icon';

export type ServiceHealth = 'healthy' | 'deploying' | 'failing' | 'degraded' | 'scaledToZero' | 'inactive';

/** The PRIMARY deployment is the one the service is moving to. */
export function primaryDeployment(s: Service): Deployment | undefined {
  return s.deployments?.find((d) => d.status === 'PRIMARY') ?? s.deployments?.[0];
}

/** Deployments still holding or starting tasks (PRIMARY and ACTIVE ones). */
export function activeDeployments(s: Service): Deployment[] {
  return (s.deployments ?? []).filter((d) => d.status === 'PRIMARY' || d.status === 'ACTIVE');
}

export function serviceHealth(s: Service): ServiceHealth {
  if (s.status && s.status !== 'ACTIVE') return 'inactive';
  const primary = primaryDeployment(s);
  if (primary?.rolloutState === 'FAILED') return 'failing';
  if (primary?.rolloutState === 'IN_PROGRESS' || activeDeployments(s).length > 1) return 'deploying';
  const desired = s.desiredCount ?? 0;
  const running = s.runningCount ?? 0;
  if (desired === 0) return 'scaledToZero';
  if (running >= desired) return 'healthy';
  return (primary?.failedTasks ?? 0) > 0 ? 'failing' : 'degraded';
}

/** True while the tree should poll this service on its own. */
export function isDeploying(s: Service): boolean {
  return serviceHealth(s) === 'deploying';
}

const HEALTH_ICON = {
  healthy: ICONS.healthy,
  deploying: ICONS.deploying,
  failing: ICONS.failing,
  degraded: ICONS.degraded,
  scaledToZero: ICONS.idle,
  inactive: ICONS.stopped,
} as const;

function deploymentLine(d: Deployment): string {
  const counts = `${d.runningCount ?? 0} running · ${d.pendingCount ?? 0} pending · ${d.desiredCount ?? 0} desired`;
  const failed = d.failedTasks ? ` · ${d.failedTasks} failed` : '';
  const rollout = d.rolloutState ? ` ${d.rolloutState}` : '';
  return `${d.status}${rollout} — ${md(taskDefinitionName(d.taskDefinition))}: ${counts}${failed}`;
}

export function serviceView(s: Service, recentEvents = 3): RowView {
  const health = serviceHealth(s);
  const primary = primaryDeployment(s);
  const desc = [`${s.runningCount ?? 0}/${s.desiredCount ?? 0}`];
  if (primary?.rolloutState) desc.push(primary.rolloutState);
  if (s.status && s.status !== 'ACTIVE') desc.push(s.status);
  const lines = [
    `**${md(s.serviceName)}**`,
    '',
    `Task definition: ${md(taskDefinitionName(s.taskDefinition))}  `,
    `Launch type: ${s.launchType ?? s.capacityProviderStrategy?.map((c) => c.capacityProvider).join(', ') ?? 'unknown'}  `,
    `Tasks: ${s.runningCount ?? 0} running · ${s.pendingCount ?? 0} pending · ${s.desiredCount ?? 0} desired  `,
  ];
  if (s.loadBalancers?.length) {
    lines.push(
      `Load balancers: ${s.loadBalancers.map((lb) => md(`${lb.targetGroupArn?.split('/')[1] ?? lb.loadBalancerName ?? '?'} → ${lb.containerName}:${lb.containerPort}`)).join(', ')}  `,
    );
  }
  if (primary?.rolloutStateReason) lines.push(`Rollout: ${md(primary.rolloutStateReason)}  `);
  if (s.deployments?.length) lines.push('', '**Deployments**', '', ...s.deployments.map((d) => `- ${deploymentLine(d)}`));
  const events = (s.events ?? []).slice(0, recentEvents);
  if (events.length) {
    lines.push('', '**Latest events**', '', ...events.map((e) => `- ${e.createdAt ? e.createdAt.toISOString().slice(11, 19) : ''} ${md(e.message)}`));
  }
  return {
    label: s.serviceName ?? '',
    description: desc.join(' · '),
    tooltip: lines.join('\n'),
    icon: HEALTH_ICON[health],
    contextValue: `ecs.service.${health}`,
  };
}

export function deploymentView(d: Deployment): RowView {
  const failing = d.rolloutState === 'FAILED';
  return {
    label: `${d.status ?? 'DEPLOYMENT'} ${taskDefinitionName(d.taskDefinition)}`,
    description: `${d.runningCount ?? 0}/${d.desiredCount ?? 0}${d.pendingCount ? ` · ${d.pendingCount} pending` : ''}${d.rolloutState ? ` · ${d.rolloutState}` : ''}`,
    tooltip: [deploymentLine(d), d.rolloutStateReason ? `\n\n${md(d.rolloutStateReason)}` : ''].join(''),
    icon: failing ? ICONS.failing : d.rolloutState === 'IN_PROGRESS' ? ICONS.deploying : { id: 'rocket' },
    contextValue: `ecs.deployment.${d.status ?? 'UNKNOWN'}`,
  };
}
