import type { Stack } from '@aws-sdk/client-cloudformation';
import * as vscode from 'vscode';
import { stacksByTag } from '../../aws/stacks';
import { APP_TAG_KEY } from '../../core/stack/cfn';
import { listClusters } from '../../aws/clusters';
import { profileName } from '../../core/connection';
import type { Logger } from '../../core/logger';
import { userMessage } from '../../core/userError';
import type { ConnectionState } from '../connectionState';
import { readExplorerSettings } from '../settings';
import { ClusterNode } from './clusterNode';
import type { ExplorerHost } from './explorerHost';
import type { ExplorerNode } from './explorerNode';
import { errorNode, MessageNode, noClustersNode } from './messageNode';
import type { ServiceNode } from './serviceNode';

/**
 * The "Clusters" view: clusters → services → tasks → containers. Failures become nodes; a
 * service that is deploying refreshes on its own without reloading the rest of the tree.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private readonly filterEmitter = new vscode.EventEmitter<string | undefined>();
  /** The filter text changed (undefined: off); the view says what it filters on. */
  readonly onDidChangeFilter = this.filterEmitter.event;
  private loading = new AbortController();
  private readonly subscriptions: vscode.Disposable[] = [];
  private shownServices = new Set<ServiceNode>();
  /**
   * Children per node, kept until that node changes: the same instances for the view, reveal()
   * and tests, and no AWS call made twice for the same data within one refresh.
   */
  private childCache = new WeakMap<object, Promise<ExplorerNode[]>>();
  private parents = new WeakMap<ExplorerNode, ExplorerNode>();
  /** Nodes given out for the current profile and region: a selection from another one is stale. */
  private known = new WeakSet<ExplorerNode>();
  private static readonly ROOT = {};
  private timer?: ReturnType<typeof setInterval>;
  private polling = false;
  private filterText?: string;
  private appStacks?: Promise<ReadonlyMap<string, Stack>>;
  /** Whether the view is on screen; polling only happens then. */
  visible = true;

  readonly host: ExplorerHost;

  constructor(
    private readonly state: ConnectionState,
    private readonly log: Logger,
  ) {
    const filter = () => this.filterText;
    this.host = {
      connection: () => state.get(),
      changed: (node) => {
        this.childCache.delete(node);
        this.changedEmitter.fire(node);
      },
      get filter() {
        return filter();
      },
      shown: (node) => this.shownServices.add(node),
      now: () => new Date(),
      logError: (m) => log.error(m),
      appStacks: () => (this.appStacks ??= this.loadAppStacks()),
    };
    this.subscriptions.push(
      state.onDidChange(() => {
        this.known = new WeakSet();
        this.refresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ecsDeploy.explorer')) {
          this.restartTimer();
          this.refresh();
        }
      }),
    );
    this.restartTimer();
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  /** Filters the loaded tree without loading it again. */
  async setFilter(text: string | undefined): Promise<void> {
    this.filterText = text?.trim().toLowerCase() || undefined;
    void vscode.commands.executeCommand('setContext', 'ecsDeploy.explorer.filtered', Boolean(this.filterText));
    this.filterEmitter.fire(this.filterText);
    const roots = await (this.childCache.get(ExplorerProvider.ROOT) ?? Promise.resolve([]));
    for (const r of roots) this.childCache.delete(r);
    this.changedEmitter.fire(undefined);
  }

  /** The row of a service the tree currently shows, if any. */
  shownService(cluster: string, service: string): ServiceNode | undefined {
    return [...this.shownServices].find((n) => n.cluster === cluster && n.ref.kind === 'service' && n.ref.service.serviceName === service);
  }

  /** Apps made by Launch on ECS: their rows get Delete App. Without CloudFormation access there are none. */
  private async loadAppStacks(): Promise<ReadonlyMap<string, Stack>> {
    try {
      const { clients } = await this.state.get();
      return await stacksByTag(clients.cloudFormation, APP_TAG_KEY, this.loading.signal);
    } catch (err) {
      this.log.warn(`Could not list the app stacks (cloudformation:DescribeStacks): ${(err as Error).message}`);
      return new Map();
    }
  }

  /** Reload everything: cancels loads in flight (e.g. for the old profile or region). */
  refresh(): void {
    this.loading.abort();
    this.loading = new AbortController();
    this.shownServices = new Set();
    this.appStacks = undefined;
    this.childCache = new WeakMap();
    this.parents = new WeakMap();
    this.changedEmitter.fire(undefined);
  }

  /** Whether a node belongs to the current profile and region (a selection may outlive a switch). */
  isCurrent(node: ExplorerNode): boolean {
    return this.known.has(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.treeItem();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const key = node ?? ExplorerProvider.ROOT;
    let children = this.childCache.get(key);
    if (!children) {
      const signal = this.loading.signal;
      const cache = this.childCache;
      children = (node ? (node.children ? node.children(signal) : Promise.resolve([])) : this.rootNodes(signal)).then((kids) => {
        // A failed load is not kept: expanding again (or Refresh) retries it.
        if (kids.some((k) => k instanceof MessageNode && k.kind === 'error')) cache.delete(key);
        if (node) for (const k of kids) this.parents.set(k, node);
        for (const k of kids) this.known.add(k);
        return kids;
      });
      cache.set(key, children);
    }
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.parents.get(node);
  }

  private async rootNodes(signal: AbortSignal): Promise<ExplorerNode[]> {
    let ctx = { service: 'ECS', action: 'ecs:ListClusters', what: 'list clusters' } as Parameters<typeof errorNode>[1];
    try {
      const { connection, clients } = await this.state.get();
      ctx = { ...ctx, profile: profileName(connection), endpoint: connection.endpoint };
      const { clusters: only } = readExplorerSettings();
      let clusters = await listClusters(clients.ecs, signal);
      this.log.debug(`Listed ${clusters.length} clusters in ${connection.region}`);
      if (clusters.length === 0) return [noClustersNode(connection.region)];
      if (only.length) clusters = clusters.filter((c) => only.includes(c.name) || only.includes(c.arn));
      const nodes: ExplorerNode[] = clusters.map((c) => new ClusterNode(this.host, c));
      if (nodes.length === 0) {
        return [new MessageNode('No clusters match the setting ecsDeploy.explorer.clusters — Open Settings', 'empty', {
          command: 'workbench.action.openSettings',
          title: 'Open Settings',
          arguments: ['ecsDeploy.explorer.clusters'],
        })];
      }
      return nodes;
    } catch (err) {
      this.log.error(`Could not list clusters: ${userMessage(err, ctx)}`);
      return [errorNode(err, ctx, () => this.refresh())];
    }
  }

  private restartTimer(): void {
    if (this.timer) clearInterval(this.timer);
    const seconds = readExplorerSettings().autoRefreshSeconds;
    this.timer = seconds > 0 ? setInterval(() => void this.pollDeploying(), seconds * 1000) : undefined;
  }

  /** Reloads only the shown services that are deploying; skipped while a round is still running. */
  async pollDeploying(): Promise<number> {
    if (this.polling || !this.visible) return 0;
    this.polling = true;
    const signal = this.loading.signal;
    const deploying = [...this.shownServices].filter((s) => s.deploying);
    try {
      await Promise.all(
        deploying.map((s) => s.reload(signal).catch((err: unknown) => this.log.warn(`Auto-refresh of ${s.ref.kind === 'service' ? s.ref.service.serviceName : ''} failed: ${userMessage(err)}`))),
      );
    } finally {
      this.polling = false;
    }
    return deploying.length;
  }

  dispose(): void {
    this.loading.abort();
    if (this.timer) clearInterval(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
    this.changedEmitter.dispose();
    this.filterEmitter.dispose();
  }
}
