/** Runs at most `max` tasks at once; the rest wait in order. Keeps API calls polite. */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly peak: number;
}

export function createLimiter(max: number): Limiter {
  if (max < 1) throw new RangeError(`limit must be at least 1, got ${max}`);
  let active = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const limiter = async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    peak = Math.max(peak, active);
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
  return Object.defineProperties(limiter, {
    active: { get: () => active },
    peak: { get: () => peak },
  }) as Limiter;
}
