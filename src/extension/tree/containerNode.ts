import type { Container, Task } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import { containerView } from '../../core/explorer/containerView';
import type { HasRef, ResourceRef } from '../resourceRef';
import type { ExplorerNode } from './explorerNode';
import { rowItem } from './rowItem';

export class ContainerNode implements ExplorerNode, HasRef {
  readonly ref: ResourceRef;

  constructor(cluster: string, task: Task, container: Container) {
    this.ref = { kind: 'container', cluster, task, container };
  }

  treeItem(): vscode.TreeItem {
    const { task, container } = this.ref as Extract<ResourceRef, { kind: 'container' }>;
    return rowItem(containerView(container, task), vscode.TreeItemCollapsibleState.None, `${task.taskArn}/${container.name}`);
  }
}
