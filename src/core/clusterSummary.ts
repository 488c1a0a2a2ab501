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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The tree's description: "N services · M running tasks", the status first when it is not ACTIVE. */
export function clusterDescription(c: ClusterSummary): string {
  const counts = `${plural(c.activeServices, 'service')} · ${plural(c.runningTasks, 'running task')}`;
  return c.status === 'ACTIVE' ? counts : `${c.status} · ${counts}`;
}

/** Sorted by name so the tree and the CLI list clusters in the same, stable order. */
export function sortClusters(cs: readonly ClusterSummary[]): ClusterSummary[] {
  return [...cs].sort((a, b) => a.name.localeCompare(b.name));
}

export { plural };

