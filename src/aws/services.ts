import { DescribeServicesCommand, ListServicesCommand, UpdateServiceCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { isAwsError } from '../core/awsErrors';
import { chunk } from '../core/chunk';
import { primaryDeploymentId } from '../core/explorer/serviceView';
import { UserError } from '../core/userError';
import { isOutcomeUnknown, once } from './once';

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

export interface ServiceTaskDefinitions {
  readonly serviceName: string;
  /** The service's task definition first, then those of its other deployments (during a rollout). */
  readonly taskDefinitions: string[];
}

/** The task definitions a service runs; a missing or deleted service is a UserError. */
export async function describeServiceTaskDefinitions(ecs: ECSClient, cluster: string, service: string, signal?: AbortSignal): Promise<ServiceTaskDefinitions> {
  const out = await ecs
    .send(new DescribeServicesCommand({ cluster, services: [service] }), { abortSignal: signal })
    .catch((err: unknown) => {
      if (isAwsError(err, 'ClusterNotFoundException')) throw new UserError(`Cluster "${cluster}" was not found — check --cluster and the region`, err);
      throw err;
    });
  const svc = out.services?.find((s) => s.serviceName === service || s.serviceArn === service);
  if (!svc || svc.status === 'INACTIVE') {
    throw new UserError(`Service "${service}" was not found in cluster "${cluster}"${svc ? ' (it was deleted)' : ''} — check the service name`);
  }
  const defs = [svc.taskDefinition, ...(svc.deployments ?? []).map((d) => d.taskDefinition)].filter((d): d is string => Boolean(d));
  return { serviceName: svc.serviceName ?? service, taskDefinitions: [...new Set(defs)] };
}

/** Points the service at a task definition (which starts a deployment); returns the service. */
export async function updateServiceTaskDefinition(
  ecs: ECSClient,
  cluster: string,
  service: string,
  taskDefinition: string,
  signal?: AbortSignal,
): Promise<Service> {
  const out = await ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition }), { abortSignal: signal });
  if (!out.service) throw new Error(`UpdateService returned no service for ${service}`);
  return out.service;
}

/** Sets the desired count; ECS starts or stops tasks to match. */
export async function scaleService(ecs: ECSClient, cluster: string, service: string, desiredCount: number, signal?: AbortSignal): Promise<Service | undefined> {
  if (!Number.isInteger(desiredCount) || desiredCount < 0) throw new RangeError(`desired count must be a whole number ≥ 0, got ${desiredCount}`);
  const out = await ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount }), { abortSignal: signal });
  return out.service;
}

/**
 * Restarts the service's tasks with the same task definition revision (no new revision). Each
 * forced update starts another deployment, so when an answer is lost the service is looked at
 * before the call is repeated.
 */
export async function forceNewDeployment(ecs: ECSClient, cluster: string, service: string, signal?: AbortSignal): Promise<Service | undefined> {
  const before = primaryDeploymentId(await describeService(ecs, cluster, service, signal));
  for (let tries = 1; ; tries++) {
    try {
      const out = await ecs.send(once(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true })), { abortSignal: signal });
      return out.service;
    } catch (err) {
      if (!isOutcomeUnknown(err)) throw err;
      // A new primary deployment is the lost call's.
      const now = await describeService(ecs, cluster, service, signal);
      if (primaryDeploymentId(now) !== before) return now;
      if (tries >= 3) throw err;
    }
  }
}
