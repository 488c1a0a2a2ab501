import { describeService } from '../../aws/services';
import { UserError } from '../../core/userError';
import type { ConnectionState } from '../connectionState';
import { pickService, selectedRef, serviceNameOf } from '../pickers';
import { refOf } from '../resourceRef';

export interface ServiceTarget {
  readonly cluster: string;
  readonly service: string;
  readonly taskDefinitionArn: string;
}

/**
 * The service a deploy command acts on: a service node, `{cluster, service}` (from other commands
 * or automation), the tree's selection (or the service of a selected task), or chosen with pickers.
 */
export async function resolveServiceTarget(arg: unknown, state: ConnectionState, signal: AbortSignal): Promise<ServiceTarget> {
  const ref = refOf(arg) ?? (arg === undefined ? selectedRef() : undefined);
  let cluster: string;
  let service: string;
  if (ref?.kind === 'service') {
    cluster = ref.cluster;
    service = ref.service.serviceName ?? '';
  } else if (isNamedService(arg)) {
    cluster = arg.cluster;
    service = arg.service;
  } else {
    const picked = await pickService(state, signal, ref?.cluster, serviceNameOf(ref));
    cluster = picked.cluster;
    service = picked.service.serviceName ?? '';
  }
  const { clients } = await state.get();
  const fresh = await describeService(clients.ecs, cluster, service, signal);
  if (!fresh?.taskDefinition || fresh.status === 'INACTIVE') throw new UserError(`Service ${service} was not found in cluster ${cluster}`);
  return { cluster, service, taskDefinitionArn: fresh.taskDefinition };
}

function isNamedService(arg: unknown): arg is { cluster: string; service: string } {
  return typeof arg === 'object' && arg !== null && typeof (arg as { cluster?: unknown }).cluster === 'string' && typeof (arg as { service?: unknown }).service === 'string';
}
