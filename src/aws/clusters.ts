import { CreateClusterCommand, DescribeClustersCommand, ListClustersCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { summarizeCluster, sortClusters, type ClusterSummary } from '../core/clusterSummary';
import { chunk } from '../core/chunk';

/** API maxima: fewer, fuller calls keep us clear of throttling. */
const LIST_PAGE_SIZE = 100;
const DESCRIBE_BATCH = 100;

export async function listClusterArns(ecs: ECSClient, signal?: AbortSignal): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(new ListClustersCommand({ maxResults: LIST_PAGE_SIZE, nextToken }), {
      abortSignal: signal,
    });
    arns.push(...(page.clusterArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

/** Every cluster of the account and region, described, sorted by name. */
export async function listClusters(ecs: ECSClient, signal?: AbortSignal): Promise<ClusterSummary[]> {
  const arns = await listClusterArns(ecs, signal);
  const summaries: ClusterSummary[] = [];
  for (const batch of chunk(arns, DESCRIBE_BATCH)) {
    const out = await ecs.send(new DescribeClustersCommand({ clusters: batch, include: ['STATISTICS'] }), {
      abortSignal: signal,
    });
    summaries.push(...(out.clusters ?? []).map(summarizeCluster));
  }
  return sortClusters(summaries);
}

/** True when the cluster exists and is ACTIVE (DescribeClusters reports missing ones as failures). */
export async function clusterIsActive(ecs: ECSClient, cluster: string, signal?: AbortSignal): Promise<boolean> {
  const out = await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }), { abortSignal: signal });
  return (out.clusters ?? []).some((c) => c.status === 'ACTIVE');
}

/** A Fargate cluster: FARGATE and FARGATE_SPOT capacity, FARGATE by default. */
export async function createFargateCluster(ecs: ECSClient, name: string, signal?: AbortSignal): Promise<string> {
  const out = await ecs.send(
    new CreateClusterCommand({
      clusterName: name,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
    }),
    { abortSignal: signal },
  );
  return out.cluster?.clusterArn ?? name;
}
