/** How a FilterLogEvents poll went: the next wait depends on it. */
export type PollOutcome = 'events' | 'empty' | 'throttled' | 'error';

export interface PollPolicy {
  /** Wait while lines flow; also the least time between two calls, which caps calls per minute. */
  readonly activeMs: number;
  /** Longest wait when the group is quiet. */
  readonly quietMaxMs: number;
  /** First wait after ThrottlingException; doubles on each further one up to throttleMaxMs. */
  readonly throttleMs: number;
  readonly throttleMaxMs: number;
}

/** ≈1 s while lines flow (≤ 60 calls a minute per group), up to 5 s when quiet, 5 → 60 s when throttled. */
export const DEFAULT_POLL_POLICY: PollPolicy = { activeMs: 1000, quietMaxMs: 5000, throttleMs: 5000, throttleMaxMs: 60000 };

/**
 * The adaptive wait between polls of one log group. Quiet polls stretch the wait by half each
 * time; a poll with lines snaps back to activeMs. ThrottlingException backs off hard (doubling)
 * and only a successful poll undoes it; other errors back off like quiet polls so a broken
 * endpoint is not hammered.
 */
export class PollInterval {
  private wait: number;
  private throttles = 0;

  constructor(readonly policy: PollPolicy = DEFAULT_POLL_POLICY) {
    this.wait = policy.activeMs;
  }

  get currentMs(): number {
    return this.wait;
  }

  next(outcome: PollOutcome): number {
    const p = this.policy;
    switch (outcome) {
      case 'events':
        this.throttles = 0;
        this.wait = p.activeMs;
        break;
      case 'empty':
        this.throttles = 0;
        this.wait = Math.min(p.quietMaxMs, Math.max(p.activeMs, Math.round(this.wait * 1.5)));
        break;
      case 'throttled':
        this.wait = Math.min(p.throttleMaxMs, p.throttleMs * 2 ** this.throttles++);
        break;
      case 'error':
        this.wait = Math.min(p.quietMaxMs * 2, Math.max(p.activeMs, this.wait * 2));
        break;
    }
    return this.wait;
  }
}

/** Time to wait before the next call so that calls start at least `minGapMs` apart. */
export function delayForSpacing(lastCallAt: number | undefined, now: number, minGapMs: number): number {
  return lastCallAt === undefined ? 0 : Math.max(0, lastCallAt + minGapMs - now);
}
