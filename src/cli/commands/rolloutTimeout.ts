import { parseDuration } from '../../core/duration';
import { UsageError } from '../args';

/** How long `deploy --wait` and `rollback --wait` watch a rollout unless --timeout says otherwise. */
export const DEFAULT_TIMEOUT = '30m';

export function timeoutOf(values: Record<string, unknown>): number {
  const text = typeof values.timeout === 'string' ? values.timeout : DEFAULT_TIMEOUT;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) throw new UsageError(`--timeout ${text} is not a duration (write it like 90s, 10m, 1h)`);
  return ms;
}
