import type { Task } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import { taskView } from '../../core/explorer/taskView';
import type { HasRef, ResourceRef } from '../resourceRef';
import { ContainerNode } from './containerNode';
import type { ExplorerNode } from './explorerNode';
import { rowItem } from './rowItem';

export class TaskNode implements ExplorerNode, HasRef {
  readonly ref: ResourceRef;

  constructor(
    private readonly cluster: string,
    private readonly task: Task,
    private readonly now: () => Date,
    /** Stopped tasks live in their own group: their ids must differ from the live row's. */
    private readonly idPrefix = '',
  ) {
    this.ref = { kind: 'task', cluster, task };
  }

  treeItem(): vscode.TreeItem {
    const hasContainers = (this.task.containers?.length ?? 0) > 0;
    return rowItem(
      taskView(this.task, this.now()),
      hasContainers ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      `${this.idPrefix}${this.task.taskArn}`,
    );
  }

  async children(): Promise<ExplorerNode[]> {
    // DescribeTasks already returned the containers: no call needed.
    return (this.task.containers ?? []).map((c) => new ContainerNode(this.cluster, this.task, c));
  }
}
