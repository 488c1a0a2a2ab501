import { plural } from './plural';
/** The fields of ECS's Cluster shape that the explorer and the CLI show. */
export interface ClusterLike {
  clusterName?: string;
  clusterArn?: string;
  status?: string;
  runningTasksCount?: number;
  pendingTasksCount?: number;
  activeServicesCount?: number;
  capacityProviders?: string[];
}

export interface ClusterSummary {
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  readonly runningTasks: number;
  readonly pendingTasks: number;
  readonly activeServices: number;
  readonly capacityProviders: readonly string[];
  /** Set once the services are listed and more pages remain: the count is a lower bound. */
  readonly moreServices?: boolean;
}

/** Counts are never negative (some emulators report -1 after tasks stop). */
const count = (n: number | undefined) => Math.max(0, n ?? 0);

export function summarizeCluster(c: ClusterLike): ClusterSummary {
  const arn = c.clusterArn ?? '';
  return {
    name: c.clusterName ?? arn.split('/').pop() ?? arn,
    arn,
    status: c.status ?? 'UNKNOWN',
    runningTasks: count(c.runningTasksCount),
    pendingTasks: count(c.pendingTasksCount),
    activeServices: count(c.activeServicesCount),
    capacityProviders: c.capacityProviders ?? [],
  };
}


const PENDING_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/**
 * The summary with counts taken from what the tree lists under the cluster once it is loaded:
 * DescribeClusters' counts lag (or, in emulators, stay wrong), and a row must agree with its children.
 */
export function withListedCounts(
  c: ClusterSummary,
  listed: { readonly services: number; readonly moreServices: boolean; readonly tasks: readonly { readonly lastStatus?: string }[] },
): ClusterSummary {
  return {
    ...c,
    activeServices: listed.services,
    moreServices: listed.moreServices,
    runningTasks: listed.tasks.filter((t) => t.lastStatus === 'RUNNING').length,
    pendingTasks: listed.tasks.filter((t) => PENDING_STATES.has(t.lastStatus ?? '')).length,
  };
}

/** "3 services", or "100+ services" while more pages remain. */
export function servicesCount(c: Pick<ClusterSummary, 'activeServices' | 'moreServices'>): string {
  return c.moreServices ? `${c.activeServices}+ services` : plural(c.activeServices, 'service');
}

/** The tree's description: "N services · M running tasks", the status first when it is not ACTIVE. */
export function clusterDescription(c: ClusterSummary): string {
  const counts = `${servicesCount(c)} · ${plural(c.runningTasks, 'running task')}`;
  return c.status === 'ACTIVE' ? counts : `${c.status} · ${counts}`;
}

/** Sorted by name so the tree and the CLI list clusters in the same, stable order. */
export function sortClusters(cs: readonly ClusterSummary[]): ClusterSummary[] {
  return [...cs].sort((a, b) => a.name.localeCompare(b.name));
}

export { plural };

