import {
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { familyOf } from '../core/arns';
import { createLimiter } from '../core/concurrency';
import type { ContainerLogSettings } from '../core/logs/logTargets';
import { sameDefinition } from '../core/taskDefinition/normalize';
import { UserError } from '../core/userError';
import { isOutcomeUnknown, once } from './once';

/** A task definition by ARN or family[:revision]. */
export async function describeTaskDefinition(ecs: ECSClient, taskDefinition: string, signal?: AbortSignal): Promise<TaskDefinition> {
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal: signal });
  if (!out.taskDefinition) throw new Error(`Task definition ${taskDefinition} was not found`);
  return out.taskDefinition;
}

/** The containers of a task definition, as far as logs are concerned. */
export async function taskDefinitionContainers(ecs: ECSClient, taskDefinition: string, signal?: AbortSignal): Promise<ContainerLogSettings[]> {
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal: signal });
  return (out.taskDefinition?.containerDefinitions ?? []).map((c) => ({
    name: c.name,
    logConfiguration: c.logConfiguration ? { logDriver: c.logConfiguration.logDriver, options: c.logConfiguration.options } : undefined,
  }));
}

/** Tries of RegisterTaskDefinition whose answer was lost before giving up. */
const REGISTER_TRIES = 3;

/** The newest ACTIVE revision number of a family (0 when it has none). */
async function latestRevision(ecs: ECSClient, family: string, signal?: AbortSignal): Promise<number> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', status: 'ACTIVE', maxResults: 10 }), { abortSignal: signal });
  const mine = (out.taskDefinitionArns ?? []).filter((a) => familyOf(a) === family);
  return Math.max(0, ...mine.map((a) => Number(a.split(':').pop())));
}

/** A revision above `after` with exactly this content: one our lost call registered. */
async function registeredSince(ecs: ECSClient, input: RegisterTaskDefinitionCommandInput, after: number, signal?: AbortSignal): Promise<TaskDefinition | undefined> {
  const latest = await latestRevision(ecs, input.family!, signal);
  for (let rev = latest; rev > after; rev--) {
    const td = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${input.family}:${rev}` }), { abortSignal: signal })).taskDefinition;
    if (td && sameDefinition(td, input)) return td;
  }
  return undefined;
}

/**
 * Registers the input as the family's next revision; returns the new revision. RegisterTaskDefinition
 * is not idempotent: when an attempt's answer is lost, the family is checked for a revision that
 * attempt made before another is tried, so one call never leaves two new revisions.
 */
export async function registerTaskDefinition(ecs: ECSClient, input: RegisterTaskDefinitionCommandInput, signal?: AbortSignal): Promise<TaskDefinition> {
  const family = input.family;
  if (!family) throw new UserError('The task definition has no "family"');
  // Without ecs:ListTaskDefinitions a lost answer cannot be checked: the call is then not repeated.
  const before = await latestRevision(ecs, family, signal).catch(() => undefined);
  for (let tries = 1; ; tries++) {
    try {
      const out = await ecs.send(once(new RegisterTaskDefinitionCommand(input)), { abortSignal: signal });
      if (!out.taskDefinition?.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no task definition');
      return out.taskDefinition;
    } catch (err) {
      if (!isOutcomeUnknown(err) || before === undefined) throw err;
      const made = await registeredSince(ecs, input, before, signal);
      if (made) return made;
      if (tries >= REGISTER_TRIES) throw err;
    }
  }
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
