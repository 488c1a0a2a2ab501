import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { filterLogEventPages, findLogGroup, MAX_STREAM_NAMES } from '../../aws/logs';
import { runLiveTail } from '../../aws/liveTail';
import { isAbortError } from '../../core/abort';
import { describeAwsError, isAwsError } from '../../core/awsErrors';
import type { Logger } from '../../core/logger';
import { LogCursor } from '../../core/logs/cursor';
import type { LogEvent } from '../../core/logs/logEvent';
import { DEFAULT_POLL_POLICY, delayForSpacing, PollInterval, type PollOutcome, type PollPolicy } from '../../core/logs/pollInterval';
import { sleep } from '../sleep';

/** One follower's interest in a group: which streams, and where their new events go. */
export interface GroupSubscriber {
  /** Read on every poll, so a follower can add the streams of tasks that appear. */
  readonly streams: ReadonlySet<string>;
  onEvents(events: LogEvent[]): void;
  /** A problem worth telling the reader (missing group, access denied); said once per kind. */
  onProblem(message: string): void;
}

export interface PollerOptions {
  readonly logs: CloudWatchLogsClient;
  /** The client for StartLiveTail (see AwsClients.logsStreaming); Live Tail is tried only with it. */
  readonly liveTailLogs?: CloudWatchLogsClient;
  readonly log: Logger;
  readonly policy?: PollPolicy;
  /** See LogCursor: how far behind the newest event each poll looks again for late arrivals. */
  readonly lookbackMs?: number;
  /** The clock and the wait, injected so tests run on a fake clock. */
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_LOOKBACK_MS = 5000;

/**
 * Follows one log group for every subscriber: one FilterLogEvents loop however many followers
 * (the API's per-account rate is low), started by the first subscriber and stopped with the last.
 * Live Tail is used instead when allowed and the endpoint supports it; any failure to start
 * it falls back to polling.
 */
export class LogGroupPoller {
  private readonly subscribers = new Set<GroupSubscriber>();
  private readonly controller = new AbortController();
  private readonly interval: PollInterval;
  private readonly cursor: LogCursor;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private lastCallAt?: number;
  private unfiltered = false;
  private liveTail: 'try' | 'on' | 'off';
  private readonly told = new Set<string>();
  private liveSession?: AbortController;
  private liveCounter = 0;
  readonly done: Promise<void>;

  constructor(
    readonly group: string,
    private readonly options: PollerOptions,
    useLiveTail = false,
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.interval = new PollInterval(options.policy ?? DEFAULT_POLL_POLICY);
    const lookback = options.lookbackMs ?? DEFAULT_LOOKBACK_MS;
    this.cursor = new LogCursor(this.now() - lookback, lookback);
    this.liveTail = useLiveTail && options.liveTailLogs ? 'try' : 'off';
    this.done = this.loop();
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(sub: GroupSubscriber): void {
    this.subscribers.add(sub);
    this.streamsChanged();
  }

  /** Removes a follower; the last one out stops the loop (and a billed Live Tail session). */
  remove(sub: GroupSubscriber): void {
    this.subscribers.delete(sub);
    if (this.subscribers.size === 0) this.stop();
  }

  /** A follower's stream set changed: a Live Tail session restarts with the new set. */
  streamsChanged(): void {
    this.liveSession?.abort();
  }

  stop(): void {
    this.controller.abort();
  }

  private streams(): Set<string> {
    const all = new Set<string>();
    for (const s of this.subscribers) for (const name of s.streams) all.add(name);
    return all;
  }

  private dispatch(events: readonly LogEvent[]): void {
    if (!events.length) return;
    for (const sub of this.subscribers) {
      const mine = events.filter((e) => sub.streams.has(e.logStreamName));
      if (mine.length) sub.onEvents(mine);
    }
  }

  private tell(kind: string, message: string): void {
    if (this.told.has(kind)) return;
    this.told.add(kind);
    this.options.log.warn(message);
    for (const s of this.subscribers) s.onProblem(message);
  }

  private async loop(): Promise<void> {
    const signal = this.controller.signal;
    while (!signal.aborted) {
      if (this.liveTail !== 'off') {
        await this.runLive(signal);
        continue;
      }
      const streams = this.streams();
      if (streams.size === 0) {
        await this.sleep(this.interval.policy.activeMs, signal);
        continue;
      }
      const outcome = await this.pollOnce(streams, signal);
      if (signal.aborted) break;
      const wait = this.interval.next(outcome);
      // The wait counts from the last call's start, so a slow call does not add to the delay.
      await this.sleep(this.lastCallAt === undefined ? wait : Math.max(0, this.lastCallAt + wait - this.now()), signal);
    }
  }

  /** One poll: every page from the cursor's startTime on, each page delivered as it comes. */
  private async pollOnce(streams: Set<string>, signal: AbortSignal): Promise<PollOutcome> {
    const names = !this.unfiltered && streams.size <= MAX_STREAM_NAMES ? [...streams] : undefined;
    let fresh = 0;
    try {
      const pages = filterLogEventPages(this.options.logs, { group: this.group, streams: names, startTime: this.cursor.startTime }, signal);
      for (;;) {
        this.lastCallAt = this.now();
        const page = await pages.next();
        if (page.done) break;
        const shown = this.cursor.accept(page.value.events);
        fresh += shown.length;
        this.dispatch(shown);
        if (!page.value.more) break;
        // Pages count against the group's call rate like polls do.
        await this.sleep(delayForSpacing(this.lastCallAt, this.now(), this.interval.policy.activeMs), signal);
        if (signal.aborted) break;
      }
      return fresh > 0 ? 'events' : 'empty';
    } catch (err) {
      if (isAbortError(err) || signal.aborted) return 'empty';
      return this.failed(err, names !== undefined);
    }
  }

  private failed(err: unknown, filtered: boolean): PollOutcome {
    const missing = isAwsError(err, 'ResourceNotFoundException');
    if (missing && filtered) {
      // Some endpoints refuse stream names that do not exist yet (a task that has not logged):
      // ask for the whole group and keep our streams' events.
      this.unfiltered = true;
      this.options.log.debug(`${this.group}: FilterLogEvents refused the stream names; filtering the group's events here`);
      return 'events';
    }
    if (missing) {
      this.tell('missing', `Log group ${this.group} does not exist (yet) — it appears when a container first logs with awslogs-create-group, or create it; still watching`);
      return 'error';
    }
    const d = describeAwsError(err, { service: 'CloudWatch Logs', action: 'logs:FilterLogEvents' });
    if (d.kind === 'throttling') {
      this.options.log.debug(`${this.group}: throttled, backing off`);
      return 'throttled';
    }
    if (d.kind === 'access') this.tell('access', d.message);
    else this.options.log.warn(`${this.group}: ${d.message}; retrying`);
    return 'error';
  }

  /** Runs Live Tail sessions until one fails to start (then polling takes over for good). */
  private async runLive(signal: AbortSignal): Promise<void> {
    if (this.streams().size === 0) return this.sleep(this.interval.policy.activeMs, signal);
    const session = new AbortController();
    this.liveSession = session;
    const stop = () => session.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const streams = this.streams();
      const found = await findLogGroup(this.options.logs, this.group, session.signal);
      if (!found?.arn) throw new Error(`log group ${this.group} not found`);
      const names = streams.size <= MAX_STREAM_NAMES ? [...streams] : undefined;
      await runLiveTail(
        this.options.liveTailLogs!,
        { groupArn: found.arn, streams: names },
        (events) => {
          // Live Tail events carry no eventId; the cursor still needs one per event.
          const withIds = events.map((e) => ({ ...e, eventId: `live-${this.liveCounter++}` }));
          this.dispatch(this.cursor.accept(withIds));
        },
        session.signal,
        () => {
          if (this.liveTail !== 'on') this.options.log.info(`${this.group}: following with Live Tail`);
          this.liveTail = 'on';
        },
      );
    } catch (err) {
      if (signal.aborted) return;
      if (session.signal.aborted) return; // restarted for a new stream set
      this.liveTail = 'off';
      const why = describeAwsError(err, { service: 'CloudWatch Logs' }).short.slice(0, 80);
      this.options.log.info(`${this.group}: Live Tail is not available here (${why}); polling FilterLogEvents instead`);
    } finally {
      signal.removeEventListener('abort', stop);
      this.liveSession = undefined;
    }
  }
}
