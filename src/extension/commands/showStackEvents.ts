import { describeStack, stackEventsPage } from '../../aws/stacks';
import { formatStackEvent } from '../../core/stack/stackEvents';
import { UserError } from '../../core/userError';
import { findAppStack } from '../../flows/serviceInfrastructure';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import { StackNode } from '../tree/infrastructureNodes';
import { refOf } from '../resourceRef';

/** The last events of a stack, newest first, are what explains its state. */
const EVENTS_SHOWN = 200;

/** ECS: Show Stack Events — the app stack's events (newest first) in a read-only document. */
export function showStackEvents(state: ConnectionState, docs: ReadonlyDocuments): CommandBody {
  return async ({ signal }, arg?: unknown) => {
    const ref = refOf(arg);
    const { clients } = await state.get();
    const name =
      arg instanceof StackNode
        ? arg.stack.StackId
        : typeof arg === 'string'
          ? arg
          : ref?.kind === 'service'
            ? (await findAppStack(clients, ref.cluster, ref.service.serviceName ?? '', signal))?.StackId
            : undefined;
    if (!name) throw new UserError('Show Stack Events works on an app made by Launch on ECS: use it on its Stack row or its service');
    const stack = await describeStack(clients.cloudFormation, name, signal);
    const events = [];
    let token: string | undefined;
    do {
      const page = await stackEventsPage(clients.cloudFormation, stack?.StackId ?? name, token, signal);
      events.push(...page.events);
      token = events.length < EVENTS_SHOWN ? page.nextToken : undefined;
    } while (token);
    const title = stack?.StackName ?? name;
    const lines = events.slice(0, EVENTS_SHOWN).map((e) => formatStackEvent(e));
    await docs.show(`stacks/${title}.log`, [`Events of stack ${title} (${stack?.StackStatus ?? 'deleted'}), newest first`, '', ...lines, ''].join('\n'), 'log');
    return events.length;
  };
}
