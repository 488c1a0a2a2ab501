import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { isAbortError } from '../core/abort';
import { describeAwsError, isAwsError } from '../core/awsErrors';
import { plural } from '../core/clusterSummary';
import type { Logger } from '../core/logger';
import { LogCursor } from '../core/logs/cursor';
import { formatLogLine, type TimeZoneChoice } from '../core/logs/formatLine';
import type { LogEvent, LogSource } from '../core/logs/logEvent';
import { mergeByTimestamp } from '../core/logs/merge';
import type { PollPolicy } from '../core/logs/pollInterval';
import { parseAwslogsStreamName } from '../core/logs/streamNames';
import { UserError } from '../core/userError';
import { fetchWindow } from './logs/fetchWindow';
import { DEFAULT_LOOKBACK_MS, type LogGroupPoller } from './logs/logGroupPoller';
import { LogPollerHub } from './logs/pollerHub';
import { ServiceLogSources, type FollowTarget, type SourceSnapshot } from './logs/serviceLogSources';
import { sleep } from './sleep';

export type { FollowTarget } from './logs/serviceLogSources';

/** One event ready to show: `text` is the formatted line. */
export interface FollowedLine {
  readonly event: LogEvent;
  readonly source: LogSource;
  readonly text: string;
}

/** Where a follower's output goes: the CLI's stdout, an output channel, the benchmark. */
export interface FollowSink {
  lines(batch: FollowedLine[]): void;
  /** Something the reader should know (a container without awslogs, no tasks yet…). */
  notice(message: string): void;
}

export interface FollowDeps {
  readonly ecs: ECSClient;
  readonly logs: CloudWatchLogsClient;
  /** Client for StartLiveTail (AwsClients.logsStreaming). */
  readonly liveTailLogs?: CloudWatchLogsClient;
  readonly log: Logger;
  /** Shared pollers; the CLI makes its own, the extension one for the session. */
  readonly hub?: LogPollerHub;
  /** Separates pollers of different accounts/regions/endpoints in a shared hub. */
  readonly connectionKey?: string;
  readonly policy?: PollPolicy;
  readonly lookbackMs?: number;
  readonly now?: () => number;
}

export interface FollowOptions {
  readonly target: FollowTarget;
  /** The backlog: events of the last `sinceMs`. */
  readonly sinceMs: number;
  /** Keep following after the backlog until the signal fires. */
  readonly follow: boolean;
  readonly useLiveTail?: boolean;
  /** How often the service's tasks are listed again to pick up new ones. */
  readonly refreshMs?: number;
  readonly timeZone?: TimeZoneChoice;
  /** Called once the backlog is shown and following has begun (the editor's progress ends there). */
  readonly onFollowing?: () => void;
}

const BATCH = 1000;

interface GroupState {
  readonly sources: Map<string, LogSource>;
  readonly streams: Set<string>;
  /** Drops what the backlog, a catch-up and the shared poller deliver twice. */
  readonly seen: LogCursor;
  /** Live events that arrive while the backlog is fetched, shown after it. */
  pending?: LogEvent[];
  subscription?: { poller: LogGroupPoller; dispose(): void };
}

/**
 * Shows a service's log lines of the last `sinceMs`, then (with `follow`) new ones as they come,
 * including those of tasks that start meanwhile (a deployment), until the signal fires.
 * Resolves normally when stopped.
 */
export async function followServiceLogs(deps: FollowDeps, options: FollowOptions, sink: FollowSink, signal: AbortSignal): Promise<void> {
  const session = new LogFollowSession(deps, options, sink, signal);
  await session.findStreams();
  try {
    // Subscribed before the backlog is read, so nothing logged meanwhile is missed.
    if (options.follow) session.subscribeAll();
    await session.backlog();
    if (!options.follow) return;
    session.showPending();
    options.onFollowing?.();
    await session.follow();
  } catch (err) {
    if (signal.aborted || isAbortError(err)) return;
    if (err instanceof UserError) throw err;
    throw new UserError(describeAwsError(err, { service: 'CloudWatch Logs', action: 'logs:FilterLogEvents' }).message, err);
  } finally {
    session.dispose();
  }
}

/** One follow of one service: its log groups and streams, what was shown, the shared pollers. */
class LogFollowSession {
  private readonly now: () => number;
  private readonly lookback: number;
  private readonly hub: LogPollerHub;
  private readonly sinceStart: number;
  private readonly groups = new Map<string, GroupState>();
  private readonly sources: ServiceLogSources;
  private readonly told = new Set<string>();

  constructor(
    private readonly deps: FollowDeps,
    private readonly options: FollowOptions,
    private readonly sink: FollowSink,
    private readonly signal: AbortSignal,
  ) {
    this.now = deps.now ?? Date.now;
    this.lookback = deps.lookbackMs ?? DEFAULT_LOOKBACK_MS;
    this.hub = deps.hub ?? new LogPollerHub();
    this.sinceStart = this.now() - options.sinceMs;
    this.sources = new ServiceLogSources(deps.ecs, deps.logs, options.target);
  }

  private get service(): string {
    return this.options.target.service;
  }

  /** The first look at the service: its streams, and what the reader should know about them. */
  async findStreams(): Promise<void> {
    let snap: SourceSnapshot;
    try {
      snap = await this.sources.snapshot(this.signal, this.sinceStart);
    } catch (err) {
      if (err instanceof UserError || isAbortError(err)) throw err;
      throw new UserError(describeAwsError(err, { service: 'ECS', action: 'ecs:DescribeServices, ecs:ListTasks, ecs:DescribeTasks, ecs:DescribeTaskDefinition' }).message, err);
    }
    snap.problems.forEach((m) => this.tell(m));
    if (snap.discovered) this.tell(`Service "${this.service}" has no tasks now; showing its containers' recent log streams.`);
    if (snap.streams.size === 0) this.tell(`No log streams of service "${this.service}" yet${this.options.follow ? '; waiting for its tasks' : ''}.`);
    this.addStreams(snap);
  }

  /** Subscribes every group, holding live events until the backlog is shown. */
  subscribeAll(): void {
    for (const [group, state] of this.groups) {
      state.pending = [];
      this.subscribe(group, state);
    }
  }

  /** The events of the last `sinceMs`, merged across groups in timestamp order. */
  async backlog(): Promise<void> {
    const windows: Array<{ state: GroupState; events: LogEvent[] }> = [];
    for (const [group, state] of this.groups) {
      const events = await fetchWindow(this.deps.logs, group, [...state.streams], this.sinceStart, this.signal).catch((err: unknown) => {
        if (isAwsError(err, 'ResourceNotFoundException')) return [];
        throw err;
      });
      windows.push({ state, events });
    }
    const tagged = mergeByTimestamp(windows.map(({ state, events }) => events.map((e) => ({ timestamp: e.timestamp, state, e }))));
    for (let i = 0; i < tagged.length; ) {
      // Runs of the same group keep the per-group dedupe while preserving the merged order.
      let j = i;
      while (j < tagged.length && tagged[j].state === tagged[i].state && j - i < BATCH) j++;
      this.emit(tagged[i].state, tagged.slice(i, j).map((t) => t.e));
      i = j;
    }
  }

  /** Live events that came while the backlog was read. */
  showPending(): void {
    for (const state of this.groups.values()) {
      const pending = state.pending ?? [];
      state.pending = undefined;
      this.emit(state, pending);
    }
  }

  /** Until stopped: looks for new tasks every `refreshMs` and follows their streams too. */
  async follow(): Promise<void> {
    let lastRefresh = this.now();
    const refreshMs = this.options.refreshMs ?? 15_000;
    while (!this.signal.aborted) {
      await sleep(refreshMs, this.signal);
      if (this.signal.aborted) break;
      try {
        await this.refresh(Math.max(this.sinceStart, lastRefresh - refreshMs - this.lookback));
        lastRefresh = this.now();
      } catch (err) {
        if (this.signal.aborted) break;
        this.deps.log.warn(`Could not refresh the tasks of service "${this.service}": ${describeAwsError(err, { service: 'ECS' }).message}`);
      }
    }
  }

  /** Subscribes the streams of new tasks; their first lines came before we knew them, so they are fetched once from `catchUp`. */
  private async refresh(catchUp: number): Promise<void> {
    const next = await this.sources.snapshot(this.signal, this.sinceStart);
    next.problems.forEach((m) => this.tell(m));
    for (const [group, names] of this.addStreams(next)) {
      const state = this.groups.get(group)!;
      if (!state.subscription) this.subscribe(group, state);
      else state.subscription.poller.streamsChanged();
      this.deps.log.info(`Following ${plural(names.length, 'new log stream')} of service "${this.service}" in ${group}`);
      this.emit(state, await fetchWindow(this.deps.logs, group, names, catchUp, this.signal));
    }
  }

  /** Adds the streams of a snapshot; returns the new ones by group. */
  private addStreams(snap: SourceSnapshot): Map<string, string[]> {
    const added = new Map<string, string[]>();
    for (const [group, streams] of snap.streams) {
      let state = this.groups.get(group);
      if (!state) {
        state = { sources: new Map(), streams: new Set(), seen: new LogCursor(this.sinceStart, this.lookback + 60_000) };
        this.groups.set(group, state);
      }
      for (const [name, source] of streams) {
        if (state.streams.has(name)) continue;
        state.sources.set(name, source);
        state.streams.add(name);
        added.set(group, [...(added.get(group) ?? []), name]);
      }
    }
    return added;
  }

  private subscribe(group: string, state: GroupState): void {
    const { deps } = this;
    state.subscription = this.hub.subscribe(
      deps.connectionKey ?? '',
      group,
      {
        streams: state.streams,
        onEvents: (events) => {
          if (!state.pending) return this.emit(state, events);
          for (const e of events) state.pending.push(e);
        },
        onProblem: (m) => this.sink.notice(m),
      },
      { logs: deps.logs, liveTailLogs: deps.liveTailLogs, log: deps.log, policy: deps.policy, lookbackMs: this.lookback, now: this.now },
      this.options.useLiveTail,
    );
  }

  /** Shows what this group has not shown yet, formatted, in batches. */
  private emit(state: GroupState, events: readonly LogEvent[]): void {
    const fresh = state.seen.accept(events);
    for (let i = 0; i < fresh.length; i += BATCH) {
      this.sink.lines(
        fresh.slice(i, i + BATCH).map((event) => {
          const source = state.sources.get(event.logStreamName) ?? parseAwslogsStreamName(event.logStreamName) ?? { container: '?', taskId: event.logStreamName };
          return { event, source, text: formatLogLine(event, source, this.options.timeZone) };
        }),
      );
    }
  }

  /** A notice, said once. */
  private tell(message: string): void {
    if (!this.told.has(message)) this.sink.notice(message);
    this.told.add(message);
  }

  /** Stops this session's subscriptions, and the pollers when the hub is its own. */
  dispose(): void {
    for (const state of this.groups.values()) state.subscription?.dispose();
    if (!this.deps.hub) this.hub.stopAll();
  }
}
