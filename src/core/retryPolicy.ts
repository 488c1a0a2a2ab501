/**
 * When a failed AWS call is tried again, and after how long. Pure: the caller says what kind of
 * failure it was, how many attempts were made and how long ago the first one started.
 */
export type FailureKind =
  /** The service refused to do it now (ThrottlingException, Throttling, HTTP 429): nothing happened. */
  | 'throttling'
  /** A dropped connection, a 5xx or a refused connection: worth another try for a call that is safe to repeat. */
  | 'transient'
  /** No answer within the deadline: another try would only double the wait of a silent endpoint. */
  | 'timeout'
  /** A call that must not run twice failed in a way that does not say whether it ran. */
  | 'outcomeUnknown'
  /** Anything the caller must change first (validation, access, not found). */
  | 'final';

export interface RetryPolicy {
  /** Throttling is retried until this much time has passed since the first attempt. */
  readonly throttlingBudgetMs: number;
  readonly throttlingBaseMs: number;
  readonly throttlingCapMs: number;
  /** Attempts in all (the first included) for transient failures. */
  readonly transientAttempts: number;
  readonly transientBaseMs: number;
  readonly transientCapMs: number;
}

/**
 * Enough to ride out a minute of heavy throttling, yet a transient failure that keeps happening
 * is reported within a few seconds.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  throttlingBudgetMs: 90_000,
  throttlingBaseMs: 500,
  throttlingCapMs: 10_000,
  transientAttempts: 5,
  transientBaseMs: 200,
  transientCapMs: 4_000,
};

export interface AttemptHistory {
  /** Attempts made so far (1 after the first failure). */
  readonly attempts: number;
  /** Time since the first attempt started. */
  readonly elapsedMs: number;
  /** Attempts allowed in all when the caller set a limit (tests against emulators use 1). */
  readonly maxAttempts?: number;
  /** The service's own hint (Retry-After), in ms from now. */
  readonly retryAfterMs?: number;
}

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half random, so
 * callers throttled together spread out while each still waits long enough for the rate to recover.
 */
export function backoffMs(attempts: number, baseMs: number, capMs: number, random: () => number): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** The delay before the next attempt, or undefined when it is time to give up. */
export function nextRetryDelay(kind: FailureKind, h: AttemptHistory, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number | undefined {
  if (h.maxAttempts !== undefined && h.attempts >= h.maxAttempts) return undefined;
  if (kind === 'throttling') {
    const delay = Math.max(backoffMs(h.attempts, policy.throttlingBaseMs, policy.throttlingCapMs, random), h.retryAfterMs ?? 0);
    return h.elapsedMs + delay <= policy.throttlingBudgetMs ? delay : undefined;
  }
  if (kind === 'transient') {
    return h.attempts < policy.transientAttempts ? backoffMs(h.attempts, policy.transientBaseMs, policy.transientCapMs, random) : undefined;
  }
  return undefined;
}
