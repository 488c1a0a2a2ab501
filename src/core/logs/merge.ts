/**
 * Merges lists already in timestamp order (one per stream or log group) into one, in timestamp
 * order; equal timestamps keep list order, then position — so the result is deterministic.
 */
export function mergeByTimestamp<T extends { readonly timestamp: number }>(lists: ReadonlyArray<readonly T[]>): T[] {
  const heads = lists.map(() => 0);
  const out: T[] = [];
  const total = lists.reduce((n, l) => n + l.length, 0);
  while (out.length < total) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (heads[i] >= lists[i].length) continue;
      if (best < 0 || lists[i][heads[i]].timestamp < lists[best][heads[best]].timestamp) best = i;
    }
    out.push(lists[best][heads[best]++]);
  }
  return out;
}
