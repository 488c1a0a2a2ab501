import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Connected } from '../connectionState';
import type { ExplorerNode } from './explorerNode';
import type { ServiceNode } from './serviceNode';

/** What nodes need from the tree around them — kept small so nodes stay simple. */
export interface ExplorerHost {
  connection(): Promise<Connected>;
  /** Redraws one node (and its children) without touching the rest of the tree. */
  changed(node: ExplorerNode): void;
  /** The name filter, lower-cased; undefined when off. */
  readonly filter: string | undefined;
  /** Service nodes currently shown, so the tree can poll the ones that deploy. */
  shown(node: ServiceNode): void;
  now(): Date;
  /** The app stacks of the region by app id ("cluster/service"), read once per refresh. */
  appStacks(): Promise<ReadonlyMap<string, Stack>>;
  logError(message: string): void;
}
