import type { CommandBody } from '../commandWrapper';
import { textArgOrAsk } from '../pickers';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** ECS: Filter… — shows clusters and services whose name contains the text. */
export function filterExplorer(explorer: ExplorerProvider): CommandBody {
  return async (_run, textArg?: unknown) => {
    const text = await textArgOrAsk(textArg, {
      title: 'ECS: Filter',
      prompt: 'Show clusters and services whose name contains this text (empty clears the filter)',
      value: explorer.filter ?? '',
    });
    if (text === undefined) return;
    await explorer.setFilter(text);
  };
}

/** ECS: Clear Filter */
export function clearExplorerFilter(explorer: ExplorerProvider): CommandBody {
  return () => explorer.setFilter(undefined);
}
