import type { LogEvent } from './logEvent';

/**
 * Where the next FilterLogEvents call starts, and which events were already shown.
 *
 * The next startTime is the newest timestamp seen (minus `lookbackMs`), never newest + 1: events
 * that share that millisecond and arrive later would otherwise be lost. Whatever the window
 * returns again is dropped by eventId, so nothing is shown twice. A lookback of a few seconds
 * also catches events another stream ingested late with an older timestamp (the awslogs driver
 * flushes each container every few seconds); 0 is exactly `aws logs tail --follow`.
 */
export class LogCursor {
  private newest: number | undefined;
  /** eventId → timestamp of every event shown whose timestamp is still inside the window. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly initialStart: number,
    readonly lookbackMs = 0,
  ) {}

  /** The startTime (ms since epoch) for the next call. */
  get startTime(): number {
    return this.newest === undefined ? this.initialStart : Math.max(this.initialStart, this.newest - this.lookbackMs);
  }

  get newestTimestamp(): number | undefined {
    return this.newest;
  }

  /** How many eventIds are remembered (bounded by the events of one window). */
  get remembered(): number {
    return this.seen.size;
  }

  /** The events not shown before, in timestamp order (stable for equal timestamps); remembers them. */
  accept(events: readonly LogEvent[]): LogEvent[] {
    const fresh: LogEvent[] = [];
    for (const e of events) {
      if (this.seen.has(e.eventId)) continue;
      this.seen.set(e.eventId, e.timestamp);
      fresh.push(e);
      if (this.newest === undefined || e.timestamp > this.newest) this.newest = e.timestamp;
    }
    this.forgetOutsideWindow();
    return fresh.sort((a, b) => a.timestamp - b.timestamp);
  }

  /**
   * Ids older than the window behind the newest event can never come back, so they are
   * forgotten (not by startTime: an endpoint that returned events before the initial start
   * would otherwise get them shown twice).
   */
  private forgetOutsideWindow(): void {
    if (this.newest === undefined) return;
    const start = this.newest - this.lookbackMs;
    for (const [id, ts] of this.seen) if (ts < start) this.seen.delete(id);
  }
}
