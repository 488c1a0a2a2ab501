import type * as vscode from 'vscode';

/** A node of the ECS explorer: knows its TreeItem and, when it has any, its children. */
export interface ExplorerNode {
  treeItem(): vscode.TreeItem;
  children?(signal: AbortSignal): Promise<ExplorerNode[]>;
}
