import type { ECSClient, Service, Task } from '@aws-sdk/client-ecs';
import { listServicePage } from './services';
import { listClusterTasks } from './tasks';

/** What expanding a cluster loads: the first page of services and every task, each described once. */
export interface ClusterContents {
  services: Service[];
  /** More services to load ("Load more…"). */
  nextToken?: string;
  tasks: Task[];
}

export async function loadClusterContents(ecs: ECSClient, cluster: string, signal?: AbortSignal): Promise<ClusterContents> {
  const [page, tasks] = await Promise.all([listServicePage(ecs, cluster, undefined, signal), listClusterTasks(ecs, cluster, signal)]);
  return { services: page.services, nextToken: page.nextToken, tasks };
}
