import type { Deployment, Service, Task } from '@aws-sdk/client-ecs';
import { taskDefinitionName } from '../arns';
import { APP_TAG_KEY } from '../stack/cfn';
import { md } from './markdown';
import { ICONS, type RowView } from './rowView';
import { contextValue } from './contextValues';

export type ServiceHealth = 'healthy' | 'deploying' | 'failing' | 'degraded' | 'scaledToZero' | 'inactive';

/** The PRIMARY deployment is the one the service is moving to. */
export function primaryDeployment(s: Service): Deployment | undefined {
  return s.deployments?.find((d) => d.status === 'PRIMARY') ?? s.deployments?.[0];
}

/** The id of the service's PRIMARY deployment (what a deploy or forced restart started). */
export function primaryDeploymentId(s: Service | undefined): string | undefined {
  return s && primaryDeployment(s)?.id;
}

/** Deployments still holding or starting tasks (PRIMARY and ACTIVE ones). */
export function activeDeployments(s: Service): Deployment[] {
  return (s.deployments ?? []).filter((d) => d.status === 'PRIMARY' || d.status === 'ACTIVE');
}

/**
 * The service's task definition when its PRIMARY deployment still runs another one: ECS (or a
 * lagging API) has not started the deployment to it yet, so the service is not done deploying.
 */
export function pendingTaskDefinition(s: Service): string | undefined {
  const primary = primaryDeployment(s);
  return primary?.taskDefinition && s.taskDefinition && primary.taskDefinition !== s.taskDefinition ? s.taskDefinition : undefined;
}

/** Running and pending counts: from the tasks listed under the service once loaded, else the service's own. */
export function taskCounts(s: Service, listed?: readonly Task[]): { running: number; pending: number } {
  if (!listed) return { running: s.runningCount ?? 0, pending: s.pendingCount ?? 0 };
  const live = listed.filter((t) => t.lastStatus !== 'STOPPED');
  const running = live.filter((t) => t.lastStatus === 'RUNNING').length;
  return { running, pending: live.length - running };
}

export function serviceHealth(s: Service, listed?: readonly Task[]): ServiceHealth {
  if (s.status && s.status !== 'ACTIVE') return 'inactive';
  const primary = primaryDeployment(s);
  if (primary?.rolloutState === 'FAILED') return 'failing';
  if (primary?.rolloutState === 'IN_PROGRESS' || activeDeployments(s).length > 1 || pendingTaskDefinition(s)) return 'deploying';
  const desired = s.desiredCount ?? 0;
  const { running } = taskCounts(s, listed);
  if (desired === 0) return 'scaledToZero';
  if (running >= desired) return 'healthy';
  return (primary?.failedTasks ?? 0) > 0 ? 'failing' : 'degraded';
}

/** True while the tree should poll this service on its own. */
export function isDeploying(s: Service, listed?: readonly Task[]): boolean {
  return serviceHealth(s, listed) === 'deploying';
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

/**
 * The service's row. `listed`: the tasks the tree lists under it — once loaded, the row counts
 * those, so it never shows all running above "No running tasks".
 */
/** `app`: the service belongs to a stack of Launch on ECS (its tag may be missing, e.g. on emulators). */
export function serviceView(s: Service, listed?: readonly Task[], recentEvents = 3, app = false): RowView {
  const health = serviceHealth(s, listed);
  const primary = primaryDeployment(s);
  const { running, pending } = taskCounts(s, listed);
  const waitingFor = pendingTaskDefinition(s);
  const desc = [`${running}/${s.desiredCount ?? 0}`];
  if (waitingFor) desc.push(`deploying ${taskDefinitionName(waitingFor)}`);
  else if (primary?.rolloutState) desc.push(primary.rolloutState);
  if (s.status && s.status !== 'ACTIVE') desc.push(s.status);
  const lines = [
    `**${md(s.serviceName)}**`,
    '',
    `Task definition: ${md(taskDefinitionName(s.taskDefinition))}  `,
    ...(waitingFor ? [`Deploying: the primary deployment still runs ${md(taskDefinitionName(primary?.taskDefinition))}  `] : []),
    `Launch type: ${s.launchType ?? s.capacityProviderStrategy?.map((c) => c.capacityProvider).join(', ') ?? 'unknown'}  `,
    `Tasks: ${running} running · ${pending} pending · ${s.desiredCount ?? 0} desired  `,
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
    contextValue: contextValue.service(health, app || (s.tags?.some((t) => t.key === APP_TAG_KEY) ?? false)),
  };
}

export function deploymentView(d: Deployment): RowView {
  const failing = d.rolloutState === 'FAILED';
  return {
    label: `${d.status ?? 'DEPLOYMENT'} ${taskDefinitionName(d.taskDefinition)}`,
    description: `${d.runningCount ?? 0}/${d.desiredCount ?? 0}${d.pendingCount ? ` · ${d.pendingCount} pending` : ''}${d.rolloutState ? ` · ${d.rolloutState}` : ''}`,
    tooltip: [deploymentLine(d), d.rolloutStateReason ? `\n\n${md(d.rolloutStateReason)}` : ''].join(''),
    icon: failing ? ICONS.failing : d.rolloutState === 'IN_PROGRESS' ? ICONS.deploying : { id: 'rocket' },
    contextValue: contextValue.deployment(d.status ?? 'UNKNOWN'),
  };
}
