import { describeService } from '../../aws/services';
import { UserError } from '../../core/userError';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import type { ReadonlyDocuments } from '../readonlyDocuments';

/** ECS: Show Service Events — the service's event log (newest first) in a read-only document. */
export function showServiceEvents(state: ConnectionState, docs: ReadonlyDocuments): CommandBody {
  return async ({ signal }, node?: unknown) => {
    const ref = await resolveRef(node, ['service'], state, signal);
    const name = ref.service.serviceName ?? '';
    const { clients } = await state.get();
    const service = await describeService(clients.ecs, ref.cluster, name, signal);
    if (!service) throw new UserError(`Service ${name} was not found in ${ref.cluster}`);
    const events = service.events ?? [];
    const lines = events.length
      ? events.map((e) => `${e.createdAt?.toISOString() ?? ''}  ${e.message ?? ''}`)
      : [`No events for ${name} yet.`];
    await docs.show(`events/${ref.cluster}/${name}.log`, [`Events of ${ref.cluster}/${name}, newest first`, '', ...lines, ''].join('\n'), 'log');
    return events.length;
  };
}
