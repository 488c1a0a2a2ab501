import {
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { createLimiter } from '../core/concurrency';
import { familyOf } from '../core/arns';

/** Registers the input as the family's next revision; returns the new revision. */
export async function registerTaskDefinition(ecs: ECSClient, input: RegisterTaskDefinitionCommandInput, signal?: AbortSignal): Promise<TaskDefinition> {
  const out = await ecs.send(new RegisterTaskDefinitionCommand(input), { abortSignal: signal });
  if (!out.taskDefinition?.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no task definition');
  return out.taskDefinition;
}

/** Points the service at a task definition (which starts a deployment); returns the service. */
export async function updateServiceTaskDefinition(
  ecs: ECSClient,
  cluster: string,
  service: string,
  taskDefinition: string,
  signal?: AbortSignal,
): Promise<Service> {
  const out = await ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition }), { abortSignal: signal });
  if (!out.service) throw new Error(`UpdateService returned no service for ${service}`);
  return out.service;
}

export interface RevisionInfo {
  readonly arn: string;
  readonly revision: number;
  readonly registeredAt?: Date;
  readonly images: string[];
}

/** The latest `limit` ACTIVE revisions of a family, newest first, with their images (for rollback). */
export async function listRevisions(ecs: ECSClient, family: string, limit = 20, signal?: AbortSignal): Promise<RevisionInfo[]> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', status: 'ACTIVE', maxResults: Math.min(limit, 100) }), {
    abortSignal: signal,
  });
  // familyPrefix also matches longer family names: keep this family only.
  const arns = (out.taskDefinitionArns ?? []).filter((a) => familyOf(a) === family).slice(0, limit);
  const limit4 = createLimiter(4);
  const defs = await Promise.all(
    arns.map((arn) => limit4(() => ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }), { abortSignal: signal }))),
  );
  return defs
    .map((d) => d.taskDefinition)
    .filter((td): td is TaskDefinition => Boolean(td?.taskDefinitionArn))
    .map((td) => ({
      arn: td.taskDefinitionArn!,
      revision: td.revision ?? 0,
      registeredAt: td.registeredAt,
      images: (td.containerDefinitions ?? []).map((c) => `${c.name}=${c.image}`),
    }))
    .sort((a, b) => b.revision - a.revision);
}
