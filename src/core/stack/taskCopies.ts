import type { DiagnosticBag, SourcePos } from '../compose/diagnostics';
import { get, text } from '../compose/node';
import type { RenderDetails } from '../compose/renderTask';
import type { ScalingSpec } from './autoScaling';
import { databaseOf } from './databases';
import type { MergedLaunch } from './mergedLaunch';
import type { VolumeInfo } from './stackVolumes';

export interface Desired {
  readonly count: number;
  /** Where the count comes from when it is in the compose file (x-ecs or deploy.replicas). */
  readonly pos?: SourcePos;
  readonly label: string;
}

/** `--desired`/x-ecs desiredCount, else deploy.replicas (the largest, as the services run together), else 1 (or the scaling minimum). */
export function desiredCount(details: RenderDetails, launch: MergedLaunch, scaling: ScalingSpec | undefined, diags: DiagnosticBag): Desired {
  if (launch.options.desired !== undefined) return { count: launch.options.desired, pos: launch.at('desired'), label: `${launch.label('desired')} ${launch.options.desired}` };
  const replicas: Array<{ service: string; count: number; pos: SourcePos }> = [];
  for (const [service, svc] of details.project.services) {
    const node = get(get(svc, 'deploy'), 'replicas');
    if (!node) continue;
    const t = text(node);
    if (t === undefined || !/^\d+$/.test(t)) diags.error(node.pos, `deploy.replicas of "${service}" must be a whole number`, 'replicas');
    else replicas.push({ service, count: Number(t), pos: node.pos });
  }
  const top = replicas.reduce<(typeof replicas)[number] | undefined>((a, b) => (!a || b.count > a.count ? b : a), undefined);
  if (top && replicas.some((x) => x.count !== top.count)) {
    diags.warn(top.pos, `the services of one task run together: the service runs ${top.count} copies of the task (the largest deploy.replicas)`, 'replicas');
  }
  if (top) {
    const count = scaling ? Math.min(scaling.max, Math.max(scaling.min, top.count)) : top.count;
    return { count, pos: top.pos, label: `deploy.replicas ${top.count} of "${top.service}"` };
  }
  return { count: scaling?.min ?? 1, label: 'the desired count' };
}

/**
 * The trap of a database in the app's task: more than one copy of the task means more than one
 * database. On a persistent (EFS) volume that is refused; on task storage each copy has its own.
 * Returns whether deployments must keep to one task at a time (a database writes EFS).
 */
export function checkDatabaseCopies(details: RenderDetails, volumes: VolumeInfo[], launch: MergedLaunch, desired: Desired, scaling: ScalingSpec | undefined, diags: DiagnosticBag): boolean {
  const copies = Math.max(desired.count, scaling?.max ?? 0);
  const kindOf = new Map(volumes.map((v) => [v.volume, v.kind.kind]));
  let onEfs = false;
  for (const [service, r] of details.services) {
    const db = databaseOf(r.container.image);
    if (!db) continue;
    const persistent = r.volumes.filter((u, i) => !r.container.mountPoints?.[i]?.readOnly && kindOf.get(u.volume) !== 'ephemeral');
    if (persistent.length) {
      onEfs = true;
      const use = persistent[0];
      diags.info(use.pos, `"${service}" (${db}) writes ${use.volume} on EFS: each deployment stops the running task before starting the new one (minimum healthy 0 %, maximum 100 %), so two databases never share the data directory; expect a short pause on each deployment`, 'database-deployment');
      if (copies > 1) {
        const setting = scaling && scaling.max > 1 ? { pos: launch.at('max'), label: `${launch.label('max')} ${scaling.max}` } : desired;
        diags.error(
          setting.pos ?? use.pos,
          `${setting.label} can run ${copies} copies of the task, but its database "${service}" (${db}) writes the volume ${use.volume} on EFS: two copies of ${db} on one data directory lock or corrupt it. ` +
            `Keep one copy, or take the database out of this task: ${managedDatabase(db)}, or the database as its own service (its own compose project, one copy); --ephemeral ${use.volume} gives every copy its own throw-away database instead`,
          'database-copies',
          { service, volume: use.volume },
        );
      }
    } else if (copies > 1) {
      const svc = details.project.services.get(service);
      diags.warn(get(svc, 'image')?.pos ?? svc!.pos, `every one of the ${copies} copies of the task runs its own, separate ${db} database "${service}" on task storage: they share no data, and it is lost when a task stops`, 'database-copies', { service });
    }
  }
  return onEfs;
}

function managedDatabase(db: string): string {
  if (/^mongo/.test(db)) return 'a managed database such as Amazon DocumentDB or MongoDB Atlas';
  if (/^(postgres|postgresql|postgis|timescaledb|mysql|mariadb|percona)$/.test(db)) return 'a managed database such as Amazon RDS or Aurora';
  if (/^(redis|redis-stack|valkey|keydb)$/.test(db)) return 'a managed store such as Amazon ElastiCache';
  return 'a managed database service';
}
