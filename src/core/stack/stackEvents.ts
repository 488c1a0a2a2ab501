import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { formatClock, type TimeZoneChoice } from '../logs/formatLine';
import { resourceWords, STACK_RESOURCE_TYPE } from './resourceWords';
import { describeStackStatus, STACK_FAILURE_STATUSES, STACK_SUCCESS_STATUSES } from './stackStatus';

export interface StackFollowOptions {
  /**
   * The ClientRequestToken given to CreateStack / ExecuteChangeSet / DeleteStack: the operation
   * starts at the stack's own *_IN_PROGRESS event carrying it. The surest way to tell our
   * operation from earlier ones.
   */
  readonly clientRequestToken?: string;
  /** Without a token: the operation starts at the stack's first *_IN_PROGRESS event from this time on. */
  readonly startedAt?: Date;
  /** How far AWS's clock may lag ours when matching by `startedAt` (default 5 s). */
  readonly clockSlackMs?: number;
  /** Resources the operation will touch (the template's or the change set's count), for "9 of 17". */
  readonly totalResources?: number;
  /** Clock of the event lines: 'local' (default) or 'utc'. */
  readonly timeZone?: TimeZoneChoice;
}

/** A resource's latest status within the operation being followed. */
export interface ResourceState {
  readonly logicalId: string;
  readonly resourceType: string;
  /** 'Application Load Balancer' for AWS::ElasticLoadBalancingV2::LoadBalancer. */
  readonly words: string;
  readonly physicalId?: string;
  readonly status: string;
  readonly reason?: string;
  readonly at: Date;
  /** When the resource entered its current *_IN_PROGRESS status (the "Initiated" echo does not reset it). */
  readonly since: Date;
}

/** What part of the operation is running, from the stack's own status. */
export type StackPhase = 'starting' | 'create' | 'update' | 'cleanup' | 'rollback' | 'rollback-cleanup' | 'delete' | 'import' | 'finished';

export interface StackProgress {
  readonly phase: StackPhase;
  /** Resources of this phase that are done. */
  readonly done: number;
  /** Resources this phase is known or said to touch (never less than `done`). */
  readonly total: number;
  /** The resource that has been in progress longest: what the phase is waiting for. */
  readonly current?: ResourceState;
  /** "Creating 9 of 17: Application Load Balancer", "Rolling back: 3 of 16 done", "Stack created". */
  readonly text: string;
}

export interface StackFollowUpdate {
  /** The operation's first event has been seen; before that nothing is reported. */
  readonly started: boolean;
  /** Events of the operation not reported before, oldest first. */
  readonly newEvents: readonly StackEvent[];
  /** One line per new event for a log or stderr (the "Initiated" echo of a status already shown is left out). */
  readonly lines: readonly string[];
  /** The stack's own latest status within the operation. */
  readonly stackStatus?: string;
  readonly stackReason?: string;
  readonly finished: boolean;
  readonly outcome?: 'succeeded' | 'failed';
  /** The first resource that failed (not the "Resource creation cancelled" echoes of the others). */
  readonly firstFailure?: ResourceState;
  readonly progress: StackProgress;
  /** Resources now in progress, longest-running first (the ECS service here means CloudFormation waits for its rollout). */
  readonly inProgress: readonly ResourceState[];
  /** Resources CloudFormation kept on delete (DeletionPolicy: Retain → DELETE_SKIPPED), e.g. data file systems. */
  readonly retained: readonly ResourceState[];
}

const OPERATION_STARTS = new Set(['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'IMPORT_IN_PROGRESS']);
const CANCELLED = /^Resource (creation|update|deletion|import) cancell?ed/i;
const INITIATED_ECHO = /^Resource (creation|update|deletion|import) Initiated$/i;

const PHASE_OF_STATUS: Record<string, StackPhase> = {
  CREATE_IN_PROGRESS: 'create',
  UPDATE_IN_PROGRESS: 'update',
  UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: 'cleanup',
  ROLLBACK_IN_PROGRESS: 'rollback',
  UPDATE_ROLLBACK_IN_PROGRESS: 'rollback',
  UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: 'rollback-cleanup',
  DELETE_IN_PROGRESS: 'delete',
  IMPORT_IN_PROGRESS: 'import',
  IMPORT_ROLLBACK_IN_PROGRESS: 'rollback',
};

const VERBS: Record<StackPhase, string> = {
  starting: 'Starting',
  create: 'Creating',
  update: 'Updating',
  cleanup: 'Removing replaced resources',
  rollback: 'Rolling back',
  'rollback-cleanup': 'Removing what the update added',
  delete: 'Deleting',
  import: 'Importing',
  finished: 'Finished',
};

/** The stack's own events (not a resource's, nor a nested stack's). */
export function isStackOwnEvent(e: StackEvent): boolean {
  return e.ResourceType === STACK_RESOURCE_TYPE && e.LogicalResourceId === e.StackName;
}

/** A failure that is only CloudFormation cancelling a resource because another one failed. */
export function isCancellationEcho(reason: string | undefined): boolean {
  return CANCELLED.test(reason ?? '');
}

/**
 * `12:03:04 CREATE_IN_PROGRESS  LoadBalancer (Application Load Balancer)`, then ` — reason` when
 * CloudFormation gave one. The stack's own events read `… goals-web (stack)`.
 */
export function formatStackEvent(e: StackEvent, zone: TimeZoneChoice = 'local'): string {
  const status = (e.ResourceStatus ?? '').padEnd(19);
  const what = isStackOwnEvent(e) ? `${e.LogicalResourceId} (stack)` : `${e.LogicalResourceId} (${resourceWords(e.ResourceType)})`;
  const reason = e.ResourceStatusReason ? ` — ${e.ResourceStatusReason}` : '';
  const time = e.Timestamp ? formatClock(e.Timestamp.getTime(), zone).slice(0, 8) : '--:--:--';
  return `${time} ${status} ${what}${reason}`;
}

const eventKey = (e: StackEvent) => e.EventId ?? `${e.LogicalResourceId} ${e.ResourceStatus} ${e.Timestamp?.toISOString()}`;

/**
 * Follows one stack operation through DescribeStackEvents polls. Pure: the caller fetches, this
 * decides. Each poll: call DescribeStackEvents (newest first) and hand each page to `addPage`
 * while it returns true and the response has a NextToken; then `takeUpdate()`.
 * Events are reported once (by EventId), oldest first; events of earlier operations never.
 */
export class StackEventFollower {
  private readonly seen = new Set<string>();
  private started = false;
  /** This poll's events of the operation, newest first as the pages give them. */
  private pending: StackEvent[] = [];
  /** This poll reached events already known or older than the operation. */
  private reachedKnown = false;
  private readonly resources = new Map<string, ResourceState>();
  private stackStatus?: string;
  private stackReason?: string;
  private phase: StackPhase = 'starting';
  /** Resources with an event in the current phase, and in the phases before it. */
  private phaseTouched = new Set<string>();
  private earlierTouched = new Set<string>();
  private firstFailure?: ResourceState;
  private readonly clockSlackMs: number;

  constructor(private readonly options: StackFollowOptions = {}) {
    this.clockSlackMs = options.clockSlackMs ?? 5_000;
  }

  /** Takes one page of DescribeStackEvents (newest first). True: fetch the next (older) page too. */
  addPage(events: readonly StackEvent[] | undefined): boolean {
    if (this.reachedKnown) return false;
    for (const e of events ?? []) {
      const key = eventKey(e);
      if (this.seen.has(key)) {
        this.reachedKnown = true;
        break;
      }
      this.seen.add(key);
      if (this.started) {
        this.pending.push(e);
        continue;
      }
      if (this.isOurStart(e)) {
        this.pending.push(e);
        this.started = true;
        this.reachedKnown = true;
        break;
      }
      if (this.isBeforeOurStart(e)) {
        this.reachedKnown = true;
        break;
      }
      this.pending.push(e);
    }
    return !this.reachedKnown;
  }

  /** What the pages of this poll brought; starts the next poll. */
  takeUpdate(): StackFollowUpdate {
    // Without our start event, what was read is older than it, or the poll stopped before reaching
    // it (a page failed): forget having seen it so the next poll reads it again.
    if (!this.started) for (const e of this.pending) this.seen.delete(eventKey(e));
    const fresh = this.started ? this.pending.reverse() : [];
    this.pending = [];
    this.reachedKnown = false;
    const lines: string[] = [];
    for (const e of fresh) {
      if (this.apply(e)) lines.push(formatStackEvent(e, this.options.timeZone));
    }
    return this.snapshot(fresh, lines);
  }

  /** Convenience for one poll: all its pages at once. */
  observe(pages: ReadonlyArray<readonly StackEvent[] | undefined>): StackFollowUpdate {
    for (const p of pages) if (!this.addPage(p)) break;
    return this.takeUpdate();
  }

  /** Every resource's latest status within the operation. */
  resourceStates(): ReadonlyMap<string, ResourceState> {
    return this.resources;
  }

  private isOurStart(e: StackEvent): boolean {
    if (!isStackOwnEvent(e) || !OPERATION_STARTS.has(e.ResourceStatus ?? '')) return false;
    const { clientRequestToken, startedAt } = this.options;
    // Some emulators (moto) send no tokens: then the time says which operation an event belongs to.
    if (clientRequestToken && e.ClientRequestToken) return e.ClientRequestToken === clientRequestToken;
    if (startedAt) return !!e.Timestamp && e.Timestamp.getTime() >= startedAt.getTime() - this.clockSlackMs;
    return true;
  }

  /** Reading further back cannot find our start: this event is older than it. */
  private isBeforeOurStart(e: StackEvent): boolean {
    const { clientRequestToken, startedAt } = this.options;
    if (startedAt && e.Timestamp && e.Timestamp.getTime() < startedAt.getTime() - this.clockSlackMs) return true;
    // Another operation's start: ours, when it comes, is newer than everything below it.
    return !!clientRequestToken && !!e.ClientRequestToken && e.ClientRequestToken !== clientRequestToken && isStackOwnEvent(e) && OPERATION_STARTS.has(e.ResourceStatus ?? '');
  }

  /** Updates the state with one event; false when its line would only repeat the one before. */
  private apply(e: StackEvent): boolean {
    const status = e.ResourceStatus ?? '';
    const at = e.Timestamp ?? new Date(0);
    if (isStackOwnEvent(e)) {
      this.stackStatus = status;
      this.stackReason = e.ResourceStatusReason;
      const next = STACK_SUCCESS_STATUSES.has(status) || STACK_FAILURE_STATUSES.has(status) ? 'finished' : PHASE_OF_STATUS[status];
      if (next && next !== this.phase) {
        for (const id of this.phaseTouched) this.earlierTouched.add(id);
        this.phaseTouched = new Set();
        this.phase = next;
      }
      return true;
    }
    const id = e.LogicalResourceId ?? '';
    const before = this.resources.get(id);
    const echo = before?.status === status && INITIATED_ECHO.test(e.ResourceStatusReason ?? '');
    const state: ResourceState = {
      logicalId: id,
      resourceType: e.ResourceType ?? '',
      words: resourceWords(e.ResourceType),
      physicalId: e.PhysicalResourceId || before?.physicalId,
      status,
      reason: e.ResourceStatusReason,
      at,
      since: before?.status === status ? before.since : at,
    };
    this.resources.set(id, state);
    this.phaseTouched.add(id);
    if (!this.firstFailure && status.endsWith('_FAILED') && !isCancellationEcho(e.ResourceStatusReason)) this.firstFailure = state;
    return !echo;
  }

  private snapshot(newEvents: StackEvent[], lines: string[]): StackFollowUpdate {
    const finished = this.phase === 'finished';
    const all = [...this.resources.values()];
    const inProgress = all.filter((r) => r.status.endsWith('_IN_PROGRESS')).sort((a, b) => a.since.getTime() - b.since.getTime());
    return {
      started: this.started,
      newEvents,
      lines,
      stackStatus: this.stackStatus,
      stackReason: this.stackReason,
      finished,
      outcome: finished ? (STACK_SUCCESS_STATUSES.has(this.stackStatus ?? '') ? 'succeeded' : 'failed') : undefined,
      firstFailure: this.firstFailure,
      progress: this.progress(inProgress),
      inProgress,
      retained: all.filter((r) => r.status === 'DELETE_SKIPPED'),
    };
  }

  private progress(inProgress: ResourceState[]): StackProgress {
    const phase = this.phase;
    if (phase === 'starting') return { phase, done: 0, total: this.options.totalResources ?? 0, text: 'Waiting for CloudFormation to start…' };
    if (phase === 'finished') {
      const done = [...this.resources.values()].filter((r) => /_COMPLETE$|DELETE_SKIPPED/.test(r.status)).length;
      return { phase, done, total: this.resources.size, text: `Stack ${describeStackStatus(this.stackStatus)}` };
    }
    const touched = [...this.phaseTouched].map((id) => this.resources.get(id)!);
    const done = touched.filter((r) => r.status.endsWith('_COMPLETE') || r.status === 'DELETE_SKIPPED').length;
    // The first phase covers what the caller said it would; a rollback or cleanup undoes what came before it.
    const first = phase === 'create' || phase === 'update' || phase === 'delete' || phase === 'import';
    const expected = first ? (this.options.totalResources ?? 0) : phase === 'rollback' ? this.earlierTouched.size : 0;
    const total = Math.max(expected, touched.length, done);
    const current = inProgress.find((r) => this.phaseTouched.has(r.logicalId));
    const verb = VERBS[phase];
    const text = current ? `${verb} ${Math.min(done + 1, total)} of ${total}: ${current.words}` : `${verb}: ${done} of ${total} done`;
    return { phase, done, total, current, text };
  }
}
