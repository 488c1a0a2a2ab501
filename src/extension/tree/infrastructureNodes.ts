import type { Stack } from '@aws-sdk/client-cloudformation';
import * as vscode from 'vscode';
import { loadBalancerUrl, loadBalancerView, targetHealthView, type LoadBalancerFacts } from '../../core/explorer/loadBalancerView';
import { scalingActivityView, scalingView } from '../../core/explorer/scalingView';
import { stackView } from '../../core/explorer/stackView';
import type { ServiceScaling } from '../../aws/scaling';
import { OPEN_URL_COMMAND } from '../commandIds';
import type { ExplorerNode } from './explorerNode';
import { MessageNode } from './messageNode';
import { rowItem } from './rowItem';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const None = vscode.TreeItemCollapsibleState.None;

class RowNode implements ExplorerNode {
  constructor(private readonly item: vscode.TreeItem) {}
  treeItem(): vscode.TreeItem {
    return this.item;
  }
}

/** "Load balancer": its URL (click opens it) and, under it, each target's health. */
export class LoadBalancerNode implements ExplorerNode {
  constructor(private readonly idBase: string, readonly facts: LoadBalancerFacts) {}

  get url(): string | undefined {
    return loadBalancerUrl(this.facts);
  }

  treeItem(): vscode.TreeItem {
    const item = rowItem(loadBalancerView(this.facts), Collapsed, `${this.idBase}/lb`);
    const url = this.url;
    if (url) item.command = { command: OPEN_URL_COMMAND, title: 'Open in Browser', arguments: [url] };
    return item;
  }

  async children(): Promise<ExplorerNode[]> {
    if (!this.facts.targets.length) return [new MessageNode('No targets registered yet (tasks register once they run)', 'empty')];
    return this.facts.targets.map((t) => new RowNode(rowItem(targetHealthView(t), None, `${this.idBase}/lb/${t.Target?.Id}:${t.Target?.Port}`)));
  }
}

/** "Auto scaling": range, desired and policy; under it, the latest scaling activities. */
export class ScalingNode implements ExplorerNode {
  constructor(private readonly idBase: string, private readonly scaling: ServiceScaling, private readonly desired: number | undefined) {}

  treeItem(): vscode.TreeItem {
    return rowItem(scalingView(this.scaling.target, this.scaling.policies, this.desired), Collapsed, `${this.idBase}/scaling`);
  }

  async children(): Promise<ExplorerNode[]> {
    if (!this.scaling.activities.length) return [new MessageNode('No scaling activity yet', 'empty')];
    return this.scaling.activities.map((a, i) => new RowNode(rowItem(scalingActivityView(a), None, `${this.idBase}/scaling/${a.ActivityId ?? i}`)));
  }
}

/** "Stack": the app's CloudFormation stack (Show Stack Events, Open in AWS Console on its menu). */
export class StackNode implements ExplorerNode {
  constructor(private readonly idBase: string, readonly stack: Stack) {}

  treeItem(): vscode.TreeItem {
    return rowItem(stackView(this.stack), None, `${this.idBase}/stack`);
  }
}
