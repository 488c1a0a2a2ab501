import { PollInterval, type PollPolicy } from '../logs/pollInterval';

/**
 * DescribeStackEvents polling as the `aws cloudformation wait` waiters pace it, within 5–30 s:
 * 5 s while events arrive, half as long again after each quiet poll (5, 7.5, 11, 17, 25, 30 s),
 * back to 5 s as soon as a poll brings new events. Resources take tens of seconds to minutes,
 * so faster polling would only spend the account's API rate.
 */
export const STACK_POLL_POLICY: PollPolicy = { activeMs: 5_000, quietMaxMs: 30_000, throttleMs: 10_000, throttleMaxMs: 30_000 };

/** A fresh wait schedule for following one stack operation: `next('events' | 'empty' | 'throttled' | 'error')`. */
export function stackPollInterval(): PollInterval {
  return new PollInterval(STACK_POLL_POLICY);
}
