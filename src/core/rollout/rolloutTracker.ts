import type { Deployment, ServiceEvent, Service, Task } from '@aws-sdk/client-ecs';
import { shortTaskId } from '../arns';
import { explainStoppedTask, stoppedByFailure } from './explainStop';
import { plural } from '../plural';

/** What one poll saw: DescribeServices' service and the service's tasks (live and stopped). */
export interface RolloutSnapshot {
  readonly service: Service;
  readonly tasks: readonly Task[];
  readonly at: Date;
}

export type RolloutPhase = 'IN_PROGRESS' | 'STUCK' | 'COMPLETED' | 'FAILED';

export interface DeploymentCounts {
  readonly running: number;
  readonly pending: number;
  readonly desired: number;
}

export interface StoppedTaskInfo {
  readonly taskArn: string;
  readonly shortId: string;
  /** True when the task belonged to the deployment being watched. */
  readonly fromNewDeployment: boolean;
  readonly failed: boolean;
  readonly explanation: string;
  /** Containers with their exit codes and reasons, e.g. "backend exit 1". */
  readonly containers: ReadonlyArray<{ name: string; exitCode?: number; reason?: string }>;
}

export interface RolloutUpdate {
  readonly phase: RolloutPhase;
  /** Why it failed or seems stuck, in words. */
  readonly reason?: string;
  /** Service events not reported before, oldest first. */
  readonly newEvents: readonly ServiceEvent[];
  /** Tasks that stopped since the last poll. */
  readonly newlyStopped: readonly StoppedTaskInfo[];
  readonly target: DeploymentCounts;
  /** All other deployments together (what is draining). */
  readonly others: DeploymentCounts;
  readonly rolloutState?: string;
  /** One line for a progress notification. */
  readonly summary: string;
  /** What completion still waits for. */
  readonly waitingFor: string;
  /** The crashed container of the new deployment, so a caller can fetch its last log lines. */
  readonly crashed?: { taskArn: string; container: string };
}

export interface TrackerOptions {
  /** Failed tasks of the new deployment after which it is called FAILED even without a circuit breaker. */
  readonly crashLimit?: number;
  /** No change in counts or events for this long: STUCK (still watched). */
  readonly stuckAfterMs?: number;
  /** The revision being deployed: a deployment still showing another one has not really started. */
  readonly taskDefinitionArn?: string;
}

const counts = (d: Deployment | undefined): DeploymentCounts => ({
  running: d?.runningCount ?? 0,
  pending: d?.pendingCount ?? 0,
  desired: d?.desiredCount ?? 0,
});


/**
 * Follows one deployment of a service through successive polls and says what changed and whether
 * it is in progress, completed (new tasks running and healthy, old ones drained — not merely
 * "stable"), failed (and why), or stuck. Pure: feed it snapshots.
 */
export class RolloutTracker {
  private readonly seenEvents = new Set<string>();
  private readonly seenStopped = new Set<string>();
  private failures: StoppedTaskInfo[] = [];
  private lastFingerprint = '';
  private lastChangeAt: number;
  private readonly crashLimit: number;
  private readonly stuckAfterMs: number;
  private readonly expectedTaskDefinition?: string;

  constructor(
    readonly deploymentId: string,
    readonly startedAt: Date,
    options: TrackerOptions = {},
  ) {
    this.crashLimit = options.crashLimit ?? 3;
    this.stuckAfterMs = options.stuckAfterMs ?? 5 * 60 * 1000;
    this.lastChangeAt = startedAt.getTime();
    this.expectedTaskDefinition = options.taskDefinitionArn;
  }

  observe(s: RolloutSnapshot): RolloutUpdate {
    const deployments = s.service.deployments ?? [];
    const target = deployments.find((d) => d.id === this.deploymentId);
    const others = deployments.filter((d) => d.id !== this.deploymentId);
    const otherCounts = others.reduce(
      (acc, d) => ({ running: acc.running + (d.runningCount ?? 0), pending: acc.pending + (d.pendingCount ?? 0), desired: acc.desired + (d.desiredCount ?? 0) }),
      { running: 0, pending: 0, desired: 0 },
    );
    const newEvents = this.takeNewEvents(s.service.events ?? []);
    const newlyStopped = this.takeNewlyStopped(s.tasks);
    for (const st of newlyStopped) if (st.fromNewDeployment && st.failed) this.failures.push(st);

    const base = { newEvents, newlyStopped, target: counts(target), others: otherCounts, rolloutState: target?.rolloutState };
    const progress = this.progressed(base.target, otherCounts, newEvents.length);
    if (progress) this.lastChangeAt = s.at.getTime();

    const lastFailure = this.failures.at(-1);
    const crashed = lastFailure ? this.crashedContainer(s.tasks, lastFailure.taskArn) : undefined;
    const finish = (phase: RolloutPhase, reason: string | undefined) => ({
      ...base,
      phase,
      reason,
      crashed,
      summary: this.summary(phase, target, base.target, otherCounts),
      waitingFor: this.waitingFor(target, base.target, otherCounts, s.tasks),
    });

    if (!target) {
      const primary = deployments.find((d) => d.status === 'PRIMARY');
      const rolledBack = (s.service.events ?? []).some((e) => /rolling back|rolled back/i.test(e.message ?? ''));
      return finish(
        'FAILED',
        rolledBack
          ? `The deployment circuit breaker rolled back to ${primary?.taskDefinition?.split('/').pop() ?? 'the previous revision'}${lastFailure ? ` — ${lastFailure.explanation}` : ''}`
          : `The deployment was replaced by ${primary?.id ?? 'another deployment'} before it completed`,
      );
    }
    if (target.rolloutState === 'FAILED') {
      const verdict = target.rolloutStateReason ?? 'The deployment failed';
      return finish('FAILED', lastFailure ? `${verdict} — ${lastFailure.explanation}` : verdict);
    }
    if (this.failures.length >= this.crashLimit && (target.runningCount ?? 0) < (target.desiredCount ?? 0)) {
      return finish(
        'FAILED',
        `${lastFailure!.explanation} (${plural(this.failures.length, 'new task')} failed; ECS keeps retrying unless the deployment circuit breaker is on)`,
      );
    }
    if (this.completed(target, otherCounts, s.tasks)) return finish('COMPLETED', undefined);
    if (s.at.getTime() - this.lastChangeAt >= this.stuckAfterMs) {
      const last = (s.service.events ?? [])[0]?.message;
      return finish('STUCK', `No progress for ${Math.round((s.at.getTime() - this.lastChangeAt) / 60000)} min${last ? ` — last event: ${last}` : ''}`);
    }
    return finish('IN_PROGRESS', undefined);
  }

  private takeNewEvents(events: readonly ServiceEvent[]): ServiceEvent[] {
    const fresh: ServiceEvent[] = [];
    // Events come newest first; older than the deployment's start are history, not news.
    for (const e of events) {
      const key = e.id ?? `${e.createdAt?.toISOString()} ${e.message}`;
      if (this.seenEvents.has(key)) continue;
      this.seenEvents.add(key);
      if (e.createdAt && e.createdAt.getTime() < this.startedAt.getTime() - 1000) continue;
      fresh.push(e);
    }
    return fresh.reverse();
  }

  private takeNewlyStopped(tasks: readonly Task[]): StoppedTaskInfo[] {
    const out: StoppedTaskInfo[] = [];
    for (const t of tasks) {
      if (t.lastStatus !== 'STOPPED' || !t.taskArn || this.seenStopped.has(t.taskArn)) continue;
      this.seenStopped.add(t.taskArn);
      if (t.stoppedAt && t.stoppedAt.getTime() < this.startedAt.getTime()) continue;
      out.push({
        taskArn: t.taskArn,
        shortId: shortTaskId(t.taskArn),
        fromNewDeployment: t.startedBy === this.deploymentId,
        failed: stoppedByFailure(t),
        explanation: explainStoppedTask(t),
        containers: (t.containers ?? []).map((c) => ({ name: c.name ?? '', exitCode: c.exitCode, reason: c.reason })),
      });
    }
    return out;
  }

  private crashedContainer(tasks: readonly Task[], taskArn: string): { taskArn: string; container: string } | undefined {
    const t = tasks.find((x) => x.taskArn === taskArn);
    const c = t?.containers?.find((x) => x.exitCode !== undefined && x.exitCode !== 0) ?? t?.containers?.[0];
    return c?.name ? { taskArn, container: c.name } : undefined;
  }

  private completed(target: Deployment, others: DeploymentCounts, tasks: readonly Task[]): boolean {
    if (target.status !== 'PRIMARY') return false;
    if (this.expectedTaskDefinition && target.taskDefinition !== this.expectedTaskDefinition) return false;
    if (target.rolloutState && target.rolloutState !== 'COMPLETED') return false;
    if ((target.runningCount ?? 0) !== (target.desiredCount ?? 0) || (target.pendingCount ?? 0) > 0) return false;
    if (others.running > 0 || others.pending > 0) return false;
    const ours = tasks.filter((t) => t.startedBy === this.deploymentId && t.lastStatus === 'RUNNING');
    if (ours.some((t) => t.healthStatus === 'UNHEALTHY')) return false;
    // With health checks, every new task must have passed them; without, UNKNOWN is all there is.
    const checked = ours.some((t) => t.healthStatus === 'HEALTHY');
    return !checked || ours.every((t) => t.healthStatus === 'HEALTHY');
  }

  private progressed(target: DeploymentCounts, others: DeploymentCounts, newEvents: number): boolean {
    const fp = JSON.stringify([target, others]);
    const changed = fp !== this.lastFingerprint || newEvents > 0;
    this.lastFingerprint = fp;
    return changed;
  }

  private summary(phase: RolloutPhase, target: Deployment | undefined, t: DeploymentCounts, o: DeploymentCounts): string {
    if (this.expectedTaskDefinition && target && target.taskDefinition !== this.expectedTaskDefinition) {
      return `Waiting for ECS to start deploying ${this.expectedTaskDefinition.split('/').pop()} (the deployment shows ${target.taskDefinition?.split('/').pop() ?? 'another revision'})`;
    }
    const state = target?.rolloutState ?? phase;
    const old = o.running + o.pending > 0 ? ` · old ${o.running} running${o.pending ? `, ${o.pending} pending` : ''}` : '';
    return `${state} · new ${t.running}/${t.desired} running${t.pending ? `, ${t.pending} pending` : ''}${old}`;
  }

  private waitingFor(target: Deployment | undefined, t: DeploymentCounts, o: DeploymentCounts, tasks: readonly Task[]): string {
    const parts: string[] = [];
    if (this.expectedTaskDefinition && target && target.taskDefinition !== this.expectedTaskDefinition) {
      parts.push(`ECS to start deploying ${this.expectedTaskDefinition.split('/').pop()} (the deployment still shows ${target.taskDefinition?.split('/').pop() ?? 'another revision'})`);
    }
    if (t.running < t.desired) parts.push(`${t.running} of ${plural(t.desired, 'new task')} running`);
    if (t.pending > 0) parts.push(`${t.pending} pending`);
    const unhealthy = tasks.filter((x) => x.startedBy === this.deploymentId && x.lastStatus === 'RUNNING' && x.healthStatus !== 'HEALTHY').length;
    if (unhealthy && t.running >= t.desired) parts.push(`${plural(unhealthy, 'new task')} not yet healthy`);
    if (o.running > 0) parts.push(`${plural(o.running, 'old task')} still draining`);
    return parts.join('; ') || 'ECS to mark the deployment COMPLETED';
  }
}
