import type { ExplorerProvider } from '../tree/explorerProvider';
import { ServiceNode } from '../tree/serviceNode';

/**
 * After an action: redraw just the service row it came from (or, from the palette, the shown row of
 * `service`), so the tree keeps its shape; the whole tree only when no row is known.
 */
export async function reloadAfterChange(
  node: unknown,
  explorer: ExplorerProvider,
  signal: AbortSignal,
  service?: { cluster: string; service: string },
): Promise<void> {
  const row = node instanceof ServiceNode ? node : service ? explorer.shownService(service.cluster, service.service) : undefined;
  if (row) await row.reload(signal);
  else explorer.refresh();
}
