/**
 * How long to wait before the next rollout poll: quick at first (tasks start within a minute),
 * slower later. Each poll is 4 calls, so this stays under 80 calls a minute.
 */
export function nextPollDelayMs(elapsedMs: number): number {
  if (elapsedMs < 60_000) return 3_000;
  if (elapsedMs < 5 * 60_000) return 6_000;
  return 15_000;
}
