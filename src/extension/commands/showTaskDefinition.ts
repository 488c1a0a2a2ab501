import { describeTaskDefinition } from '../../aws/taskDefinitions';
import { taskDefinitionName } from '../../core/arns';
import { UserError } from '../../core/userError';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { resolveRef } from '../pickers';
import type { ReadonlyDocuments } from '../readonlyDocuments';

/** ECS: Show Task Definition — the revision a service or task uses, as read-only JSON. */
export function showTaskDefinition(state: ConnectionState, docs: ReadonlyDocuments): CommandBody {
  return async ({ signal }, node?: unknown) => {
    const ref = await resolveRef(node, ['service', 'task', 'container'], state, signal);
    const arn = ref.kind === 'service' ? ref.service.taskDefinition : ref.task.taskDefinitionArn;
    if (!arn) throw new UserError('No task definition is known for this resource');
    const { clients } = await state.get();
    const td = await describeTaskDefinition(clients.ecs, arn, signal);
    await docs.show(`task-definitions/${taskDefinitionName(arn)}.json`, JSON.stringify(td, null, 2) + '\n', 'json');
    return td.taskDefinitionArn;
  };
}
