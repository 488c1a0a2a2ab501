import type { CommandBody } from '../commandWrapper';
import { MessageNode } from '../tree/messageNode';

/** Inline "Retry" on a failed row: loads that level again. */
export function retry(): CommandBody {
  return async (_run, node?: unknown) => {
    if (node instanceof MessageNode) node.retry?.();
  };
}
