import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Service } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import { loadClusterContents, type ClusterContents } from '../../aws/clusterContents';
import { listServicePage } from '../../aws/services';
import { clusterDescription, plural, servicesCount, withListedCounts, type ClusterSummary } from '../../core/clusterSummary';
import { groupTasks, type TasksByOwner } from '../../core/explorer/taskGroups';
import { CLEAR_FILTER_COMMAND, LAUNCH_COMMAND } from '../commandIds';
import type { HasRef, ResourceRef } from '../resourceRef';
import type { ExplorerHost } from './explorerHost';
import type { ExplorerNode } from './explorerNode';
import { GroupNode } from './groupNode';
import { LoadMoreNode } from './loadMoreNode';
import { errorNode, MessageNode } from './messageNode';
import { ServiceNode } from './serviceNode';
import { TaskNode } from './taskNode';
import { contextValue } from '../../core/explorer/contextValues';

/**
 * What the cluster loaded, with its tasks grouped by owner (every task stays in `tasks`, for the
 * row's counts) and the apps made by Launch on ECS, by app id ("cluster/service").
 */
type LoadedCluster = ClusterContents & { readonly grouped: TasksByOwner; readonly appStacks: ReadonlyMap<string, Stack> };

/** One ECS cluster: its services (paged), then its standalone tasks. */
export class ClusterNode implements ExplorerNode, HasRef {
  private contents?: Promise<LoadedCluster>;
  /** One node per service, kept while the contents are, so redraws reuse them. */
  private readonly serviceNodes = new Map<string, ServiceNode>();
  /** The counts of what is listed under the row, once loaded: the row agrees with its children. */
  private listed?: ClusterSummary;

  constructor(
    private readonly host: ExplorerHost,
    readonly cluster: ClusterSummary,
  ) {}

  /** What the row shows: DescribeClusters' counts until the contents are loaded, then theirs. */
  get summary(): ClusterSummary {
    return this.listed ?? this.cluster;
  }

  get ref(): ResourceRef {
    return { kind: 'cluster', cluster: this.cluster.name, arn: this.cluster.arn };
  }

  treeItem(): vscode.TreeItem {
    const c = this.summary;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = c.arn || c.name;
    item.description = clusterDescription(c);
    item.contextValue = contextValue.cluster(c.status);
    item.iconPath = new vscode.ThemeIcon('server-environment', c.status === 'ACTIVE' ? undefined : new vscode.ThemeColor('disabledForeground'));
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**${c.name}**\n\n`);
    tip.appendMarkdown(`Status: ${c.status}  \n`);
    tip.appendMarkdown(`Services: ${servicesCount(c)}  \n`);
    tip.appendMarkdown(`Running tasks: ${c.runningTasks} · pending: ${c.pendingTasks}  \n`);
    tip.appendMarkdown(`Capacity providers: ${c.capacityProviders.length ? c.capacityProviders.join(', ') : 'none'}  \n`);
    tip.appendText(c.arn);
    item.tooltip = tip;
    return item;
  }

  async children(signal: AbortSignal): Promise<ExplorerNode[]> {
    this.contents ??= this.load(signal);
    let contents: LoadedCluster;
    try {
      contents = await this.contents;
    } catch (err) {
      this.contents = undefined; // expanding again retries
      this.host.logError(`Could not list the services of ${this.cluster.name}: ${(err as Error).message}`);
      return [
        errorNode(err, { service: 'ECS', action: 'ecs:ListServices', what: `list the services of ${this.cluster.name}` }, () =>
          this.host.changed(this),
        ),
      ];
    }
    this.updateCounts(contents);
    return this.nodesFor(contents);
  }

  /** Redraws the row when what it lists differs from the counts it shows. */
  private updateCounts(contents: LoadedCluster): void {
    const listed = withListedCounts(this.cluster, { services: contents.services.length, moreServices: Boolean(contents.nextToken), tasks: contents.tasks });
    const before = this.summary;
    this.listed = listed;
    if (clusterDescription(before) !== clusterDescription(listed) || before.pendingTasks !== listed.pendingTasks) this.host.changed(this);
  }

  private async load(signal: AbortSignal): Promise<LoadedCluster> {
    const { clients } = await this.host.connection();
    const [loaded, appStacks] = await Promise.all([loadClusterContents(clients.ecs, this.cluster.name, signal), this.host.appStacks()]);
    return { ...loaded, appStacks, grouped: groupTasks(loaded.tasks, this.host.now()) };
  }

  private nodesFor(contents: LoadedCluster): ExplorerNode[] {
    const filter = this.host.filter;
    const showAll = !filter || this.cluster.name.toLowerCase().includes(filter);
    const services = showAll ? contents.services : contents.services.filter((s) => (s.serviceName ?? '').toLowerCase().includes(filter));
    const nodes: ExplorerNode[] = services.map((s) => this.serviceNode(s, contents.grouped, contents.appStacks));
    if (contents.nextToken) {
      nodes.push(new LoadMoreNode(`${this.cluster.arn}/more`, 'Load more services…', () => this.loadMore(contents)));
    }
    if (contents.services.length === 0 && !contents.nextToken) {
      nodes.push(new MessageNode('No services — Launch on ECS…', 'empty', { command: LAUNCH_COMMAND, title: 'Launch on ECS…' }));
    } else if (services.length < contents.services.length) {
      const hidden = plural(contents.services.length - services.length, 'service');
      nodes.push(new MessageNode(`${hidden} hidden by the filter "${filter}" — Clear Filter`, 'empty', { command: CLEAR_FILTER_COMMAND, title: 'Clear Filter' }));
    }
    const standalone = contents.grouped.standalone;
    if (standalone.length) {
      nodes.push(
        new GroupNode(`${this.cluster.arn}/standalone`, 'Standalone tasks', standalone.map((t) => new TaskNode(this.cluster.name, t, () => this.host.now())), {
          icon: 'run-all',
          tooltip: 'Tasks not started by a service (RunTask, scheduled tasks)',
        }),
      );
    }
    return nodes;
  }

  private serviceNode(s: Service, tasks: TasksByOwner, appStacks: ReadonlyMap<string, Stack>): ServiceNode {
    const name = s.serviceName ?? '';
    let node = this.serviceNodes.get(name);
    if (!node) {
      const stack = appStacks.get(`${this.cluster.name}/${name}`);
      node = new ServiceNode(this.host, this.cluster.name, s, tasks.byService.get(name) ?? [], tasks.stoppedByService.get(name) ?? [], stack);
      this.serviceNodes.set(name, node);
    }
    this.host.shown(node);
    return node;
  }

  private async loadMore(contents: LoadedCluster): Promise<void> {
    const { clients } = await this.host.connection();
    const page = await listServicePage(clients.ecs, this.cluster.name, contents.nextToken);
    contents.services.push(...page.services);
    contents.nextToken = page.nextToken;
    this.host.changed(this);
  }
}
