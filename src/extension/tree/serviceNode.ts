import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Deployment, Service, Task } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import { describeService } from '../../aws/services';
import { listServiceTasks } from '../../aws/tasks';
import { groupTasks } from '../../core/explorer/taskGroups';
import { activeDeployments, deploymentView, isDeploying, serviceView } from '../../core/explorer/serviceView';
import type { HasRef, ResourceRef } from '../resourceRef';
import type { ExplorerHost } from './explorerHost';
import type { ExplorerNode } from './explorerNode';
import { loadServiceInfrastructure } from '../../flows/serviceInfrastructure';
import { GroupNode } from './groupNode';
import { LoadBalancerNode, ScalingNode, StackNode } from './infrastructureNodes';
import { MessageNode } from './messageNode';
import { rowItem } from './rowItem';
import { TaskNode } from './taskNode';

class DeploymentNode implements ExplorerNode {
  constructor(private readonly serviceArn: string, private readonly deployment: Deployment) {}
  treeItem(): vscode.TreeItem {
    return rowItem(deploymentView(this.deployment), vscode.TreeItemCollapsibleState.None, `${this.serviceArn}/${this.deployment.id}`);
  }
}

/**
 * One service: running/desired, rollout state, health icon. Its tasks come from the cluster's
 * single DescribeTasks pass; while it deploys, the tree refreshes this node alone.
 */
export class ServiceNode implements ExplorerNode, HasRef {
  constructor(
    private readonly host: ExplorerHost,
    readonly cluster: string,
    private service: Service,
    private tasks: Task[],
    private stopped: Task[],
    /** Set when Launch on ECS made this service. */
    readonly stack?: Stack,
  ) {}

  get ref(): ResourceRef {
    return { kind: 'service', cluster: this.cluster, service: this.service };
  }

  get deploying(): boolean {
    return isDeploying(this.service, this.tasks);
  }

  treeItem(): vscode.TreeItem {
    return rowItem(serviceView(this.service, this.tasks, undefined, this.stack !== undefined), vscode.TreeItemCollapsibleState.Collapsed, this.service.serviceArn);
  }

  async children(signal: AbortSignal): Promise<ExplorerNode[]> {
    const arn = this.service.serviceArn ?? this.service.serviceName ?? '';
    const nodes: ExplorerNode[] = await this.infrastructure(arn, signal);
    const deployments = activeDeployments(this.service);
    if (deployments.length > 1) {
      nodes.push(
        new GroupNode(`${arn}/deployments`, 'Deployments', deployments.map((d) => new DeploymentNode(arn, d)), {
          icon: 'rocket',
          expanded: true,
          tooltip: 'Deployments still holding or starting tasks',
        }),
      );
    }
    nodes.push(...this.tasks.map((t) => new TaskNode(this.cluster, t, () => this.host.now())));
    if (this.tasks.length === 0) nodes.push(new MessageNode(`No running tasks (desired ${this.service.desiredCount ?? 0})`, 'empty'));
    if (this.stopped.length) {
      nodes.push(
        new GroupNode(`${arn}/stopped`, 'Recently stopped', this.stopped.map((t) => new TaskNode(this.cluster, t, () => this.host.now(), 'stopped:')), {
          icon: 'history',
          tooltip: 'Tasks of this service that stopped within the last hour, with their reasons',
        }),
      );
    }
    return nodes;
  }

  /** Load balancer (with target health), auto scaling and stack rows, when the service has them. */
  private async infrastructure(arn: string, signal: AbortSignal): Promise<ExplorerNode[]> {
    const { clients } = await this.host.connection();
    const infra = await loadServiceInfrastructure(clients, this.cluster, this.service, this.stack ?? null, signal);
    for (const e of infra.errors) this.host.logError(`${this.service.serviceName}: ${e}`);
    const nodes: ExplorerNode[] = [];
    if (infra.loadBalancer) nodes.push(new LoadBalancerNode(arn, infra.loadBalancer));
    if (infra.scaling) nodes.push(new ScalingNode(arn, infra.scaling, this.service.desiredCount));
    if (infra.stack) nodes.push(new StackNode(arn, infra.stack));
    return nodes;
  }

  /** Reloads this service and its tasks (3–5 calls), then redraws only this node. */
  async reload(signal: AbortSignal): Promise<void> {
    const { clients } = await this.host.connection();
    const name = this.service.serviceName ?? '';
    const [service, tasks] = await Promise.all([
      describeService(clients.ecs, this.cluster, name, signal),
      listServiceTasks(clients.ecs, this.cluster, name, signal),
    ]);
    if (signal.aborted) return;
    if (service) this.service = service;
    const grouped = groupTasks(tasks, this.host.now());
    this.tasks = grouped.byService.get(name) ?? [];
    this.stopped = grouped.stoppedByService.get(name) ?? [];
    this.host.changed(this);
  }
}
