import { resourceIdOf } from '../arns';

export type ConsoleTarget =
  | { kind: 'cluster'; region: string; cluster: string }
  | { kind: 'service'; region: string; cluster: string; service: string }
  | { kind: 'task'; region: string; cluster: string; taskArn: string }
  | { kind: 'taskDefinition'; region: string; taskDefinitionArn: string }
  | { kind: 'stack'; region: string; stackId: string };

/** The AWS console page (ECS "v2" console; CloudFormation's for a stack) for a resource. */
export function consoleUrl(t: ConsoleTarget): string {
  if (t.kind === 'stack') {
    return `https://${t.region}.console.aws.amazon.com/cloudformation/home?region=${encodeURIComponent(t.region)}#/stacks/stackinfo?stackId=${encodeURIComponent(t.stackId)}`;
  }
  const base = `https://${t.region}.console.aws.amazon.com/ecs/v2`;
  const q = `?region=${encodeURIComponent(t.region)}`;
  const c = 'cluster' in t ? encodeURIComponent(t.cluster) : '';
  switch (t.kind) {
    case 'cluster':
      return `${base}/clusters/${c}/services${q}`;
    case 'service':
      return `${base}/clusters/${c}/services/${encodeURIComponent(t.service)}/health${q}`;
    case 'task':
      return `${base}/clusters/${c}/tasks/${encodeURIComponent(resourceIdOf(t.taskArn))}/configuration${q}`;
    case 'taskDefinition': {
      const [family, revision] = resourceIdOf(t.taskDefinitionArn).split(':');
      return `${base}/task-definitions/${encodeURIComponent(family)}/${revision ?? ''}${q}`;
    }
  }
}
