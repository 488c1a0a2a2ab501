import type { CloudFormationClient, StackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../../aws/clients';
import { deleteStack, stackEventsPage } from '../../aws/stacks';
import { isAbortError } from '../../core/abort';
import { isThrottlingError } from '../../core/awsErrors';
import { formatDuration } from '../../core/duration';
import type { Logger, ProgressReporter } from '../../core/logger';
import { explainStackFailure } from '../../core/stack/failureSentences';
import { stackPollInterval } from '../../core/stack/pollDelay';
import { StackEventFollower, type StackFollowUpdate } from '../../core/stack/stackEvents';
import { sleep } from '../sleep';

/** How following a stack operation ended. Stopping to watch never stops CloudFormation. */
export type StackOutcome =
  | { readonly phase: 'SUCCEEDED'; readonly status: string; readonly update: StackFollowUpdate }
  | { readonly phase: 'FAILED'; readonly status: string; readonly reason: string; readonly update: StackFollowUpdate }
  | { readonly phase: 'TIMEOUT' | 'STOPPED_WATCHING'; readonly status: string; readonly reason: string; readonly update?: StackFollowUpdate };

export interface FollowStackOptions {
  /** The stack's id (a deleted stack is found by id only). */
  readonly stackId: string;
  /** The ClientRequestToken the operation was started with: its events carry it. */
  readonly token: string;
  /** When the operation was asked for (without a token match, events from then on are its own). */
  readonly since: Date;
  /** Resources the operation touches, for "Creating 9 of 17". */
  readonly totalResources?: number;
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  /** Each new event, oldest first. */
  readonly onEvent?: (e: StackEvent) => void;
  /** Each poll's state (resources in progress, progress text). */
  readonly onUpdate?: (u: StackFollowUpdate) => void;
  /** What ECS and ELB said meanwhile (stopped tasks, target health): the failure sentence cites it. */
  readonly evidence?: () => readonly string[];
  readonly now?: () => Date;
}

/**
 * Follows one stack operation to its end: the first look at once, then as the `aws
 * cloudformation wait` waiters pace it (5–30 s, back to 5 s when events come). Each event is
 * reported once; the verdict comes from the stack's own events.
 */
export async function followStack(cfn: CloudFormationClient, o: FollowStackOptions): Promise<StackOutcome> {
  const now = o.now ?? (() => new Date());
  const follower = new StackEventFollower({ clientRequestToken: o.token, startedAt: o.since, totalResources: o.totalResources });
  const interval = stackPollInterval();
  const started = now().getTime();
  let last: StackFollowUpdate | undefined;
  let delay = 0;
  for (;;) {
    await sleep(delay, o.signal);
    if (o.signal.aborted) return stopped();
    try {
      let token: string | undefined;
      do {
        const page = await stackEventsPage(cfn, o.stackId, token, o.signal);
        token = follower.addPage(page.events) ? page.nextToken : undefined;
      } while (token);
    } catch (err) {
      if (isAbortError(err) || o.signal.aborted) return stopped();
      if (!isThrottlingError(err)) throw err;
      delay = interval.next('throttled');
      continue;
    }
    const u = follower.takeUpdate();
    last = u;
    for (const e of u.newEvents) o.onEvent?.(e);
    if (u.started) o.progress.report({ message: u.progress.text });
    o.onUpdate?.(u);
    if (u.finished) {
      const status = u.stackStatus ?? 'UNKNOWN';
      if (u.outcome === 'succeeded') return { phase: 'SUCCEEDED', status, update: u };
      return { phase: 'FAILED', status, reason: explainStackFailure(u, o.evidence?.() ?? []), update: u };
    }
    const elapsed = now().getTime() - started;
    if (elapsed >= o.timeoutMs) {
      const waiting = u.inProgress[0];
      return {
        phase: 'TIMEOUT',
        status: u.stackStatus ?? 'UNKNOWN',
        reason: `Still ${u.stackStatus ?? 'in progress'} after ${formatDuration(elapsed)}${waiting ? `, waiting for ${waiting.words} ${waiting.logicalId}` : ''}; CloudFormation goes on`,
        update: u,
      };
    }
    delay = Math.min(interval.next(u.newEvents.length ? 'events' : 'empty'), o.timeoutMs - elapsed);
  }

  function stopped(): StackOutcome {
    const status = last?.stackStatus ?? 'UNKNOWN';
    return { phase: 'STOPPED_WATCHING', status, reason: `Stopped watching; CloudFormation goes on (${status})`, update: last };
  }
}

/** Deletes a stack and follows it to DELETE_COMPLETE (used before re-creating a failed one). */
export async function deleteAndWait(
  deps: { readonly clients: AwsClients; readonly log: Logger; readonly progress: ProgressReporter; readonly signal: AbortSignal; readonly onStackEvent?: (e: StackEvent) => void },
  stackId: string,
  timeoutMs: number,
  totalResources?: number,
): Promise<StackOutcome> {
  const token = `ecs-deploy-delete-${Date.now()}`;
  const since = new Date();
  deps.progress.report({ message: `Deleting ${stackId.split('/')[1] ?? stackId}` });
  await deleteStack(deps.clients.cloudFormation, stackId, token, deps.signal);
  return followStack(deps.clients.cloudFormation, { stackId, token, since, totalResources, timeoutMs, log: deps.log, progress: deps.progress, signal: deps.signal, onEvent: deps.onStackEvent });
}
