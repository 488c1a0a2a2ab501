import * as vscode from 'vscode';
import { LOAD_MORE_COMMAND } from '../commandIds';
import type { ExplorerNode } from './explorerNode';
import { contextValue } from '../../core/explorer/contextValues';

/** "Load more…": the next page of a long list, fetched when clicked. */
export class LoadMoreNode implements ExplorerNode {
  constructor(
    private readonly id: string,
    private readonly label: string,
    readonly loadMore: () => Promise<void>,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = contextValue.loadMore();
    item.command = { command: LOAD_MORE_COMMAND, title: 'Load More', arguments: [this] };
    return item;
  }
}
