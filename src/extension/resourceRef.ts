import type { Container, Service, Task } from '@aws-sdk/client-ecs';

/** What a tree node (or a palette picker) points at: commands act on these. */
export type ResourceRef =
  | { readonly kind: 'cluster'; readonly cluster: string; readonly arn: string }
  | { readonly kind: 'service'; readonly cluster: string; readonly service: Service }
  | { readonly kind: 'task'; readonly cluster: string; readonly task: Task }
  | { readonly kind: 'container'; readonly cluster: string; readonly task: Task; readonly container: Container };

/** Nodes that stand for an AWS resource carry its ref. */
export interface HasRef {
  readonly ref: ResourceRef;
}

export function refOf(arg: unknown): ResourceRef | undefined {
  if (typeof arg === 'object' && arg !== null && 'ref' in arg) return (arg as HasRef).ref;
  return undefined;
}

export function arnOf(ref: ResourceRef): string | undefined {
  switch (ref.kind) {
    case 'cluster':
      return ref.arn;
    case 'service':
      return ref.service.serviceArn;
    case 'task':
      return ref.task.taskArn;
    case 'container':
      return ref.container.containerArn;
  }
}
