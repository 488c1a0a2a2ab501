import type { RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';

/** Fields DescribeTaskDefinition returns that RegisterTaskDefinition refuses. */
export const READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'deregisteredAt',
  'deleteRequestedAt',
  'registeredBy',
] as const;

/** A described revision (or a *.taskdef.json that came from one) as RegisterTaskDefinition input. */
export function toRegisterInput(td: TaskDefinition | RegisterTaskDefinitionCommandInput): RegisterTaskDefinitionCommandInput {
  const copy: Record<string, unknown> = { ...td };
  for (const f of READ_ONLY_FIELDS) delete copy[f];
  // DescribeTaskDefinition answers with tags outside the definition; a file may carry them inside.
  return copy as unknown as RegisterTaskDefinitionCommandInput;
}

/** The same definition with one container's image replaced (e.g. pinned to a pushed digest). */
export function withImage(input: RegisterTaskDefinitionCommandInput, container: string, image: string): RegisterTaskDefinitionCommandInput {
  const names = (input.containerDefinitions ?? []).map((c) => c.name);
  if (!names.includes(container)) {
    throw new Error(`The task definition ${input.family} has no container "${container}" (it has ${names.join(', ') || 'none'})`);
  }
  return {
    ...input,
    containerDefinitions: (input.containerDefinitions ?? []).map((c) => (c.name === container ? { ...c, image } : c)),
  };
}
