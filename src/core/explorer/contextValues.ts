import type { ServiceHealth } from './serviceView';

/**
 * Every tree row's `contextValue`, built here so package.json's `viewItem` clauses can be
 * checked against what the tree really produces (test/unit/core/explorer/menus.test.ts).
 * Statuses are the values the ECS, ELB and CloudFormation APIs document, plus our fallbacks.
 */
export const contextValue = {
  cluster: (status: string) => `ecs.cluster.${status}`,
  /** `.app`: made by Launch on ECS (tagged with its app), so Delete App and the stack actions apply. */
  service: (health: ServiceHealth, app: boolean) => `ecs.service.${health}${app ? '.app' : ''}`,
  deployment: (status: string) => `ecs.deployment.${status}`,
  task: (status: string) => `ecs.task.${status}`,
  container: (status: string) => `ecs.container.${status}`,
  loadBalancer: (hasUrl: boolean) => (hasUrl ? 'ecs.loadBalancer.url' : 'ecs.loadBalancer'),
  target: (state: string) => `ecs.target.${state}`,
  stack: (busy: boolean) => `ecs.stack.${busy ? 'busy' : 'idle'}`,
  scaling: () => 'ecs.scaling',
  scalingActivity: () => 'ecs.scalingActivity',
  group: () => 'ecs.group',
  loadMore: () => 'ecs.loadMore',
  message: (kind: MessageKind, retry: boolean) => `ecs.message.${kind}${retry ? '.retry' : ''}`,
} as const;

export type MessageKind = 'empty' | 'warning' | 'error';

export const SERVICE_HEALTHS: readonly ServiceHealth[] = ['healthy', 'deploying', 'failing', 'degraded', 'scaledToZero', 'inactive'];
const CLUSTER_STATUSES = ['ACTIVE', 'PROVISIONING', 'DEPROVISIONING', 'FAILED', 'INACTIVE', 'UNKNOWN'];
const DEPLOYMENT_STATUSES = ['PRIMARY', 'ACTIVE', 'INACTIVE', 'UNKNOWN'];
const TASK_STATUSES = ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED', 'DELETED', 'UNKNOWN'];
const CONTAINER_STATUSES = ['PENDING', 'RUNNING', 'STOPPED', 'UNKNOWN'];
const TARGET_STATES = ['initial', 'healthy', 'unhealthy', 'unhealthy.draining', 'unused', 'draining', 'unavailable', 'unknown'];
const MESSAGE_KINDS: readonly MessageKind[] = ['empty', 'warning', 'error'];
const both = [false, true] as const;

/** The contextValues each row kind can carry, by kind. */
export function allContextValues(): Record<keyof typeof contextValue, string[]> {
  return {
    cluster: CLUSTER_STATUSES.map(contextValue.cluster),
    service: SERVICE_HEALTHS.flatMap((h) => both.map((app) => contextValue.service(h, app))),
    deployment: DEPLOYMENT_STATUSES.map(contextValue.deployment),
    task: TASK_STATUSES.map(contextValue.task),
    container: CONTAINER_STATUSES.map(contextValue.container),
    loadBalancer: both.map(contextValue.loadBalancer),
    target: TARGET_STATES.map(contextValue.target),
    stack: both.map(contextValue.stack),
    scaling: [contextValue.scaling()],
    scalingActivity: [contextValue.scalingActivity()],
    group: [contextValue.group()],
    loadMore: [contextValue.loadMore()],
    message: MESSAGE_KINDS.flatMap((k) => both.map((retry) => contextValue.message(k, retry))),
  };
}
