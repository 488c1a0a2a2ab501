import type { ECSClient } from '@aws-sdk/client-ecs';
import { describeService } from '../aws/services';
import { listServiceTasks } from '../aws/tasks';
import { isAbortError } from '../core/abort';
import { formatDuration } from '../core/duration';
import type { Logger, ProgressReporter } from '../core/logger';
import { nextPollDelayMs } from '../core/rollout/pollDelay';
import { sleep as sleepUnlessAborted } from './sleep';
import { RolloutTracker, type RolloutSnapshot, type RolloutUpdate } from '../core/rollout/rolloutTracker';

export type RolloutOutcome =
  | { readonly phase: 'COMPLETED'; readonly update: RolloutUpdate }
  | { readonly phase: 'FAILED'; readonly reason: string; readonly update: RolloutUpdate }
  | { readonly phase: 'TIMEOUT'; readonly reason: string; readonly update?: RolloutUpdate }
  /** Cancel stops watching only; the deployment goes on in ECS. */
  | { readonly phase: 'STOPPED_WATCHING'; readonly reason: string; readonly update?: RolloutUpdate };

export interface WatchOptions {
  readonly deploymentId: string;
  /** The revision being rolled out. */
  readonly taskDefinitionArn?: string;
  readonly startedAt: Date;
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  /** Each poll's result, e.g. to redraw a tree node. */
  readonly onUpdate?: (u: RolloutUpdate) => void;
  /** The last lines a crashed container logged, when logs are available. */
  readonly lastLogLines?: (taskArn: string, container: string) => Promise<string[]>;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => Date;
}

/** One poll: the service and its tasks, live and stopped (4 calls). */
export function pollService(ecs: ECSClient, cluster: string, service: string): (signal: AbortSignal) => Promise<RolloutSnapshot> {
  return async (signal) => {
    const [svc, tasks] = await Promise.all([describeService(ecs, cluster, service, signal), listServiceTasks(ecs, cluster, service, signal)]);
    if (!svc) throw new Error(`Service ${service} disappeared from ${cluster}`);
    return { service: svc, tasks, at: new Date() };
  };
}

/**
 * Polls until the deployment COMPLETES or FAILS (saying why), the timeout passes (saying what it
 * still waited for), or the signal stops the watching — never the deployment.
 */
export async function watchRollout(poll: (signal: AbortSignal) => Promise<RolloutSnapshot>, o: WatchOptions): Promise<RolloutOutcome> {
  const now = o.now ?? (() => new Date());
  const sleep = o.sleep ?? sleepUnlessAborted;
  const tracker = new RolloutTracker(o.deploymentId, o.startedAt, { taskDefinitionArn: o.taskDefinitionArn });
  const stopped = (u?: RolloutUpdate): RolloutOutcome => ({
    phase: 'STOPPED_WATCHING',
    reason: `Stopped watching ${o.deploymentId}; the deployment goes on in ECS${u ? ` (${u.summary})` : ''}`,
    update: u,
  });
  let last: RolloutUpdate | undefined;
  for (;;) {
    if (o.signal.aborted) return stopped(last);
    let snapshot: RolloutSnapshot;
    try {
      snapshot = await poll(o.signal);
    } catch (err) {
      if (isAbortError(err) || o.signal.aborted) return stopped(last);
      throw err;
    }
    const u = tracker.observe(snapshot);
    last = u;
    for (const e of u.newEvents) o.log.info(`event: ${e.message ?? ''}`);
    for (const t of u.newlyStopped) {
      const containers = t.containers.map((c) => `${c.name}${c.exitCode !== undefined ? ` exit ${c.exitCode}` : ''}${c.reason ? ` (${c.reason})` : ''}`).join(', ');
      const line = `task ${t.shortId} stopped: ${t.explanation}${containers ? ` [${containers}]` : ''}`;
      if (t.failed) o.log.warn(line);
      else o.log.info(line);
    }
    o.progress.report({ message: u.phase === 'STUCK' ? `${u.summary} — ${u.reason}` : u.summary });
    o.onUpdate?.(u);
    if (u.phase === 'COMPLETED') return { phase: 'COMPLETED', update: u };
    if (u.phase === 'FAILED') {
      let reason = u.reason ?? 'The deployment failed';
      if (u.crashed && o.lastLogLines) {
        const lines = await o.lastLogLines(u.crashed.taskArn, u.crashed.container).catch(() => []);
        if (lines.length) reason += ` — last log lines: ${lines.join(' | ')}`;
      }
      return { phase: 'FAILED', reason, update: u };
    }
    const elapsed = now().getTime() - o.startedAt.getTime();
    if (elapsed >= o.timeoutMs) {
      return { phase: 'TIMEOUT', reason: `Timed out after ${formatDuration(elapsed)} waiting for ${u.waitingFor}`, update: u };
    }
    await sleep(Math.min(nextPollDelayMs(elapsed), Math.max(0, o.timeoutMs - elapsed)), o.signal);
  }
}
