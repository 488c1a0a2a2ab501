import { isAbortError } from '../../core/abort';
import type { Logger } from '../../core/logger';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { ServiceNode } from '../tree/serviceNode';

/**
 * After an action: redraw just the service row it came from (or, from the palette, the shown row of
 * `service`), so the tree keeps its shape; the whole tree only when no row is known. The change
 * is done by then: a failed redraw is logged, not shown as the command's failure.
 */
export async function reloadAfterChange(
  node: unknown,
  explorer: ExplorerProvider,
  signal: AbortSignal,
  log: Logger,
  service?: { cluster: string; service: string },
): Promise<void> {
  const row = node instanceof ServiceNode ? node : service ? explorer.shownService(service.cluster, service.service) : undefined;
  try {
    if (row) await row.reload(signal);
    else explorer.refresh();
  } catch (err) {
    if (!isAbortError(err)) log.warn(`Could not redraw the tree after the change: ${(err as Error).message}`);
  }
}
