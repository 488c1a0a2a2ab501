import * as vscode from 'vscode';
import { listClusters } from '../../aws/clusters';
import { profileName } from '../../core/connection';
import type { Logger } from '../../core/logger';
import { userMessage } from '../../core/userError';
import type { ConnectionState } from '../connectionState';
import { ClusterNode } from './clusterNode';
import type { ExplorerNode } from './explorerNode';
import { errorNode, noClustersNode } from './messageNode';

/** The "Clusters" view: clusters of the current profile and region; failures become nodes. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private loading = new AbortController();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: ConnectionState,
    private readonly log: Logger,
  ) {
    this.subscription = state.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.loading.abort(); // a load for the old connection must not land in the new tree
    this.loading = new AbortController();
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.treeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const signal = this.loading.signal;
    if (node) return node.children ? node.children(signal) : [];
    return this.rootNodes(signal);
  }

  private async rootNodes(signal: AbortSignal): Promise<ExplorerNode[]> {
    let ctx = { service: 'ECS', action: 'ecs:ListClusters', what: 'list clusters' } as Parameters<typeof errorNode>[1];
    try {
      const { connection, clients } = await this.state.get();
      ctx = { ...ctx, profile: profileName(connection), endpoint: connection.endpoint };
      const clusters = await listClusters(clients.ecs, signal);
      this.log.debug(`Listed ${clusters.length} clusters in ${connection.region}`);
      return clusters.length ? clusters.map((c) => new ClusterNode(c)) : [noClustersNode(connection.region)];
    } catch (err) {
      this.log.error(`Could not list clusters: ${userMessage(err, ctx)}`);
      return [errorNode(err, ctx)];
    }
  }

  dispose(): void {
    this.loading.abort();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
