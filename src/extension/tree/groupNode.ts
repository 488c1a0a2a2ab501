import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';
import { contextValue } from '../../core/explorer/contextValues';

/** A folder-like row: "Standalone tasks", "Recently stopped", "Deployments". */
export class GroupNode implements ExplorerNode {
  constructor(
    private readonly id: string,
    private readonly label: string,
    private readonly items: ExplorerNode[],
    private readonly options: { icon: string; expanded?: boolean; tooltip?: string },
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      this.label,
      this.options.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.description = String(this.items.length);
    item.iconPath = new vscode.ThemeIcon(this.options.icon);
    item.tooltip = this.options.tooltip;
    item.contextValue = contextValue.group();
    return item;
  }

  async children(): Promise<ExplorerNode[]> {
    return this.items;
  }
}
