import type { CommandBody } from '../commandWrapper';
import { LoadMoreNode } from '../tree/loadMoreNode';

/** The click on a "Load more…" row. */
export function loadMore(): CommandBody {
  return async (_run, node?: unknown) => {
    if (node instanceof LoadMoreNode) await node.loadMore();
  };
}
