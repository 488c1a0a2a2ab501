import type { ExplorerProvider } from '../tree/explorerProvider';
import { ServiceNode } from '../tree/serviceNode';

/** After an action: redraw just the service node it came from, or the whole tree otherwise. */
export async function reloadAfterChange(node: unknown, explorer: ExplorerProvider, signal: AbortSignal): Promise<void> {
  if (node instanceof ServiceNode) await node.reload(signal);
  else explorer.refresh();
}
