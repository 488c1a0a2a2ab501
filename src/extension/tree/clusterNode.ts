import * as vscode from 'vscode';
import { clusterDescription, type ClusterSummary } from '../../core/clusterSummary';
import type { ExplorerNode } from './explorerNode';

/** One ECS cluster: name, status and running tasks; services come in a later level. */
export class ClusterNode implements ExplorerNode {
  constructor(readonly cluster: ClusterSummary) {}

  treeItem(): vscode.TreeItem {
    const c = this.cluster;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = c.arn || c.name;
    item.description = clusterDescription(c);
    item.contextValue = `ecs.cluster.${c.status}`;
    item.iconPath = new vscode.ThemeIcon(
      'server-environment',
      c.status === 'ACTIVE' ? undefined : new vscode.ThemeColor('disabledForeground'),
    );
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${c.name}**\n\n`);
    tip.appendMarkdown(`Status: ${c.status}  \n`);
    tip.appendMarkdown(`Services: ${c.activeServices}  \n`);
    tip.appendMarkdown(`Running tasks: ${c.runningTasks} · pending: ${c.pendingTasks}  \n`);
    tip.appendMarkdown(`Capacity providers: ${c.capacityProviders.length ? c.capacityProviders.join(', ') : 'none'}  \n`);
    tip.appendText(c.arn);
    item.tooltip = tip;
    return item;
  }
}
