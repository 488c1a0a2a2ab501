import { DescribeServicesCommand, ListServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { chunk } from '../core/chunk';

/** API maxima: ListServices pages hold 100 ARNs, DescribeServices takes 10 services. */
export const LIST_SERVICES_PAGE = 100;
export const DESCRIBE_SERVICES_BATCH = 10;

export interface ServicePage {
  readonly services: Service[];
  /** Set when the cluster has more services: pass it back for the next page ("Load more"). */
  readonly nextToken?: string;
}

/** One page of a cluster's services, described (batches run in parallel; the client caps calls in flight). */
export async function listServicePage(ecs: ECSClient, cluster: string, nextToken?: string, signal?: AbortSignal): Promise<ServicePage> {
  const page = await ecs.send(new ListServicesCommand({ cluster, maxResults: LIST_SERVICES_PAGE, nextToken }), { abortSignal: signal });
  const services = await describeServices(ecs, cluster, page.serviceArns ?? [], signal);
  services.sort((a, b) => (a.serviceName ?? '').localeCompare(b.serviceName ?? ''));
  return { services, nextToken: page.nextToken };
}

export async function describeServices(ecs: ECSClient, cluster: string, services: readonly string[], signal?: AbortSignal): Promise<Service[]> {
  const batches = await Promise.all(
    chunk(services, DESCRIBE_SERVICES_BATCH).map((batch) =>
      ecs.send(new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }), { abortSignal: signal }),
    ),
  );
  return batches.flatMap((b) => b.services ?? []);
}

/** One service, fresh — for refreshing a single node while it deploys. */
export async function describeService(ecs: ECSClient, cluster: string, service: string, signal?: AbortSignal): Promise<Service | undefined> {
  return (await describeServices(ecs, cluster, [service], signal))[0];
}

/** Every service of a cluster (all pages), for pickers. */
export async function listAllServices(ecs: ECSClient, cluster: string, signal?: AbortSignal): Promise<Service[]> {
  const all: Service[] = [];
  let token: string | undefined;
  do {
    const page = await listServicePage(ecs, cluster, token, signal);
    all.push(...page.services);
    token = page.nextToken;
  } while (token);
  return all;
}
