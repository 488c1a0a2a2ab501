import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

/** Where CloudFormation's property names are not the API's name with a capital first letter. */
const RENAMED: Readonly<Record<string, string>> = {
  efsVolumeConfiguration: 'EFSVolumeConfiguration',
  fileSystemId: 'FilesystemId',
  iam: 'IAM',
};
/** Maps whose keys are the user's (log driver options, Docker labels): kept as written. */
const FREE_FORM = new Set(['options', 'dockerLabels']);

/**
 * A RegisterTaskDefinition input (the ECS API's camelCase, as render produces it) as the
 * properties of an AWS::ECS::TaskDefinition resource (PascalCase).
 */
export function taskDefinitionProperties(td: RegisterTaskDefinitionCommandInput): Record<string, unknown> {
  return convert(td) as Record<string, unknown>;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[RENAMED[k] ?? k[0].toUpperCase() + k.slice(1)] = FREE_FORM.has(k) ? { ...(v as object) } : convert(v);
  }
  return out;
}
