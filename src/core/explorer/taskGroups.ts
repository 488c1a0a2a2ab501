import type { Task } from '@aws-sdk/client-ecs';

const SERVICE_GROUP = 'service:';
export const RECENTLY_STOPPED_MS = 60 * 60 * 1000;

/** The service that started a task, from its group ("service:web"); undefined for standalone tasks. */
export function serviceOfTask(t: Task): string | undefined {
  return t.group?.startsWith(SERVICE_GROUP) ? t.group.slice(SERVICE_GROUP.length) : undefined;
}

export interface TasksByOwner {
  /** Live (not STOPPED) tasks per service name. */
  readonly byService: ReadonlyMap<string, Task[]>;
  /** Tasks of each service that stopped within the last hour, newest first. */
  readonly stoppedByService: ReadonlyMap<string, Task[]>;
  /** Tasks not started by a service (RunTask, scheduled tasks), live ones first. */
  readonly standalone: Task[];
}

function isRecentlyStopped(t: Task, now: Date): boolean {
  const at = t.stoppedAt ?? t.executionStoppedAt ?? t.stoppingAt;
  return !at || now.getTime() - at.getTime() <= RECENTLY_STOPPED_MS;
}

const newestFirst = (a: Task, b: Task) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0);
const startOf = (t: Task) => (t.startedAt ?? t.createdAt)?.getTime() ?? 0;
const byStart = (a: Task, b: Task) => startOf(a) - startOf(b);

/** Splits a cluster's tasks between its services and the standalone group; old stopped tasks drop out. */
export function groupTasks(tasks: readonly Task[], now: Date): TasksByOwner {
  const byService = new Map<string, Task[]>();
  const stoppedByService = new Map<string, Task[]>();
  const standalone: Task[] = [];
  for (const t of tasks) {
    const stopped = t.lastStatus === 'STOPPED';
    if (stopped && !isRecentlyStopped(t, now)) continue;
    const service = serviceOfTask(t);
    if (!service) standalone.push(t);
    else {
      const map = stopped ? stoppedByService : byService;
      map.set(service, [...(map.get(service) ?? []), t]);
    }
  }
  for (const list of byService.values()) list.sort(byStart);
  for (const list of stoppedByService.values()) list.sort(newestFirst);
  standalone.sort((a, b) => Number(a.lastStatus === 'STOPPED') - Number(b.lastStatus === 'STOPPED'));
  return { byService, stoppedByService, standalone };
}
