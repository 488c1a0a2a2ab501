import { serviceOfTask } from '../../core/explorer/taskGroups';
import { UserError } from '../../core/userError';
import type { FollowTarget } from '../../flows/followLogs';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { LogFollowers } from '../logs/logFollowers';
import { pickService, selectedRef } from '../pickers';
import { refOf } from '../resourceRef';
import { withCancellableProgress } from '../progress';

/**
 * The argument contract of ecsDeploy.logs.follow (and ecsDeploy.logs.stopFollowing), for tree
 * nodes and other callers:
 *
 *   { cluster: string; service: string; container?: string; taskId?: string }
 *
 * `cluster` is a name or ARN, `service` a name; `container` follows one container of each
 * task, `taskId` (id or ARN) one task. A service/task/container node passes an object of this
 * shape (the node itself may be it). Without an argument the command asks for cluster and service.
 */
export function followTargetFrom(arg: unknown): FollowTarget | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const str = (k: string) => (typeof a[k] === 'string' && (a[k] as string).trim() ? (a[k] as string).trim() : undefined);
  const cluster = str('cluster');
  const service = str('service');
  if (!cluster || !service) return undefined;
  return { cluster, service, container: str('container'), taskId: str('taskId') };
}

/** A service, task or container node of the explorer, as a follow target. */
function followTargetOfNode(arg: unknown): FollowTarget | undefined {
  const ref = refOf(arg);
  if (!ref || ref.kind === 'cluster') return undefined;
  if (ref.kind === 'service') return { cluster: ref.cluster, service: ref.service.serviceName ?? '' };
  const service = serviceOfTask(ref.task);
  if (!service) throw new UserError('Follow Logs follows a service: this task was not started by one');
  return { cluster: ref.cluster, service, taskId: ref.task.taskArn, container: ref.kind === 'container' ? ref.container.name : undefined };
}

/** From the palette: the tree's selection, else pickers (a lone cluster or service is not asked). */
async function pickTarget(state: ConnectionState, signal: AbortSignal): Promise<FollowTarget | undefined> {
  const selected = selectedRef();
  if (selected && selected.kind !== 'cluster') {
    // A selected standalone task has no service to follow: ask instead.
    const target = (() => {
      try {
        return followTargetOfNode({ ref: selected });
      } catch {
        return undefined;
      }
    })();
    if (target) return target;
  }
  const picked = await pickService(state, signal, selected?.cluster);
  return { cluster: picked.cluster, service: picked.service.serviceName ?? '' };
}

/** ECS: Follow Logs… — the service's log lines of the last minutes, then new ones, in "ECS Logs: <service>". */
export function followLogs(state: ConnectionState, followers: LogFollowers): CommandBody {
  return async ({ signal }, arg?: unknown) => {
    const target = followTargetFrom(arg) ?? followTargetOfNode(arg) ?? (arg === undefined ? await pickTarget(state, signal) : undefined);
    if (!target) {
      if (arg !== undefined) throw new UserError('Follow Logs needs {cluster, service} — run it from a service, task or container node, or from the Command Palette');
      return undefined;
    }
    const connected = await state.get();
    // Cancel on the notification, or the command's own signal, stops following.
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    await withCancellableProgress(`Following logs of ${target.service}…`, (_progress, following) => followers.follow(target, connected, following), controller);
    return LogFollowers.key(target);
  };
}

