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
  const now = deps.now ?? Date.now;
  const lookback = deps.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const hub = deps.hub ?? new LogPollerHub();
  const ownHub = !deps.hub;
  const sinceStart = now() - options.sinceMs;
  const groups = new Map<string, GroupState>();
  const sourcesOf = new ServiceLogSources(deps.ecs, deps.logs, options.target);
  const { service } = options.target;

  const emit = (state: GroupState, events: readonly LogEvent[]) => {
    const fresh = state.seen.accept(events);
    for (let i = 0; i < fresh.length; i += BATCH) {
      sink.lines(
        fresh.slice(i, i + BATCH).map((event) => {
          const source = state.sources.get(event.logStreamName) ?? parseAwslogsStreamName(event.logStreamName) ?? { container: '?', taskId: event.logStreamName };
          return { event, source, text: formatLogLine(event, source, options.timeZone) };
        }),
      );
    }
  };

  const subscribe = (group: string, state: GroupState) => {
    state.subscription = hub.subscribe(
      deps.connectionKey ?? '',
      group,
      {
        streams: state.streams,
        onEvents: (events) => {
          if (!state.pending) return emit(state, events);
          for (const e of events) state.pending.push(e);
        },
        onProblem: (m) => sink.notice(m),
      },
      { logs: deps.logs, liveTailLogs: deps.liveTailLogs, log: deps.log, policy: deps.policy, lookbackMs: lookback, now },
      options.useLiveTail,
    );
  };

  /** Adds the streams of a snapshot; returns the new ones by group. */
  const merge = (snap: SourceSnapshot): Map<string, string[]> => {
    const added = new Map<string, string[]>();
    for (const [group, streams] of snap.streams) {
      let state = groups.get(group);
      if (!state) {
        state = { sources: new Map(), streams: new Set(), seen: new LogCursor(sinceStart, lookback + 60_000) };
        groups.set(group, state);
      }
      for (const [name, source] of streams) {
        if (state.streams.has(name)) continue;
        state.sources.set(name, source);
        state.streams.add(name);
        added.set(group, [...(added.get(group) ?? []), name]);
      }
    }
    return added;
  };

  let snap: SourceSnapshot;
  try {
    snap = await sourcesOf.snapshot(signal, sinceStart);
  } catch (err) {
    if (err instanceof UserError || isAbortError(err)) throw err;
    throw new UserError(describeAwsError(err, { service: 'ECS', action: 'ecs:DescribeServices, ecs:ListTasks, ecs:DescribeTasks, ecs:DescribeTaskDefinition' }).message, err);
  }
  const told = new Set<string>();
  const tell = (m: string) => {
    if (!told.has(m)) sink.notice(m);
    told.add(m);
  };
  snap.problems.forEach(tell);
  if (snap.discovered) tell(`Service "${service}" has no tasks now; showing its containers' recent log streams.`);
  if (snap.streams.size === 0) tell(`No log streams of service "${service}" yet${options.follow ? '; waiting for its tasks' : ''}.`);
  merge(snap);

  try {
    if (options.follow) {
      for (const [group, state] of groups) {
        state.pending = [];
        subscribe(group, state);
      }
    }
    // The backlog: merged across groups, in timestamp order.
    const backlog: Array<{ state: GroupState; events: LogEvent[] }> = [];
    for (const [group, state] of groups) {
      const events = await fetchWindow(deps.logs, group, [...state.streams], sinceStart, signal).catch((err: unknown) => {
        if (isAwsError(err, 'ResourceNotFoundException')) return [];
        throw err;
      });
      backlog.push({ state, events });
    }
    const tagged = mergeByTimestamp(backlog.map(({ state, events }) => events.map((e) => ({ timestamp: e.timestamp, state, e }))));
    for (let i = 0; i < tagged.length; ) {
      // Runs of the same group keep the per-group dedupe while preserving the merged order.
      let j = i;
      while (j < tagged.length && tagged[j].state === tagged[i].state && j - i < BATCH) j++;
      emit(tagged[i].state, tagged.slice(i, j).map((t) => t.e));
      i = j;
    }
    if (!options.follow) return;
    for (const state of groups.values()) {
      const pending = state.pending ?? [];
      state.pending = undefined;
      emit(state, pending);
    }

    options.onFollowing?.();
    let lastRefresh = now();
    const refreshMs = options.refreshMs ?? 15_000;
    while (!signal.aborted) {
      await sleep(refreshMs, signal);
      if (signal.aborted) break;
      try {
        const next = await sourcesOf.snapshot(signal, sinceStart);
        next.problems.forEach(tell);
        const added = merge(next);
        for (const [group, names] of added) {
          const state = groups.get(group)!;
          if (!state.subscription) subscribe(group, state);
          else state.subscription.poller.streamsChanged();
          deps.log.info(`Following ${plural(names.length, 'new log stream')} of service "${service}" in ${group}`);
          // The first lines of a new task came before we knew it: fetch them once.
          const catchUp = Math.max(sinceStart, lastRefresh - refreshMs - lookback);
          emit(state, await fetchWindow(deps.logs, group, names, catchUp, signal));
        }
        lastRefresh = now();
      } catch (err) {
        if (signal.aborted) break;
        deps.log.warn(`Could not refresh the tasks of service "${service}": ${describeAwsError(err, { service: 'ECS' }).message}`);
      }
    }
  } catch (err) {
    if (signal.aborted || isAbortError(err)) return;
    if (err instanceof UserError) throw err;
    throw new UserError(describeAwsError(err, { service: 'CloudWatch Logs', action: 'logs:FilterLogEvents' }).message, err);
  } finally {
    for (const state of groups.values()) state.subscription?.dispose();
    if (ownHub) hub.stopAll();
  }
}
