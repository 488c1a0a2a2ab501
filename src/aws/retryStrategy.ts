import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, type FailureKind, type RetryPolicy } from '../core/retryPolicy';

/** Set by once() on a failure that does not say whether a non-idempotent call ran. */
export const OUTCOME_UNKNOWN = '$outcomeUnknown';

interface Token extends RetryToken {
  readonly startedAt: number;
  readonly attempts: number;
  readonly delay: number;
}

const token = (startedAt: number, attempts: number, delay: number): Token => ({
  startedAt,
  attempts,
  delay,
  getRetryCount: () => attempts - 1,
  getRetryDelay: () => delay,
});

/** The SDK's classification, with our deadline and "must not repeat" cases taken out. */
export function failureKindOf(info: RetryErrorInfo): FailureKind {
  const err = (info.error ?? {}) as { name?: string; code?: string; $deadline?: unknown; [OUTCOME_UNKNOWN]?: boolean };
  if (err[OUTCOME_UNKNOWN]) return 'outcomeUnknown';
  if (err.$deadline) return 'timeout';
  if (err.name === 'AbortError') return 'final';
  if (info.errorType === 'THROTTLING') return 'throttling';
  if (info.errorType === 'TRANSIENT' || info.errorType === 'SERVER_ERROR') return 'transient';
  return 'final';
}

/**
 * The retry strategy of every client: throttling is retried with capped, jittered backoff for
 * up to a minute and a half (the SDK's default gives up after 3 attempts); dropped connections
 * and 5xx a few times; a deadline never (a silent endpoint must end in bounded time).
 */
export class PatientRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly maxAttempts?: number,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(this.now(), 1, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const t = previous as Token;
    const retryAfterMs = info.retryAfterHint ? Math.max(0, info.retryAfterHint.getTime() - this.now()) : undefined;
    const delay = nextRetryDelay(failureKindOf(info), { attempts: t.attempts, elapsedMs: this.now() - t.startedAt, maxAttempts: this.maxAttempts, retryAfterMs }, this.policy);
    // Throwing tells the SDK to give up and throw the call's own error.
    if (delay === undefined) throw new Error('no retry');
    return token(t.startedAt, t.attempts + 1, delay);
  }

  recordSuccess(): void {}
}
