import * as vscode from 'vscode';
import type { IconSpec, RowView } from '../../core/explorer/rowView';

export function themeIcon(icon: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/** A TreeItem from a row decided in core; `id` keeps expansion across refreshes. */
export function rowItem(view: RowView, collapsible: vscode.TreeItemCollapsibleState, id?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(view.label, collapsible);
  item.id = id;
  item.description = view.description;
  item.tooltip = new vscode.MarkdownString(view.tooltip);
  item.iconPath = themeIcon(view.icon);
  item.contextValue = view.contextValue;
  return item;
}
