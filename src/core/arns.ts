/** The last path segment of an ECS ARN: the task id, service name or cluster name. */
export function resourceIdOf(arn: string | undefined): string {
  if (!arn) return '';
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** The first 6 characters of a task id: what people read in lists and log prefixes. */
export function shortTaskId(taskArnOrId: string | undefined): string {
  return resourceIdOf(taskArnOrId).slice(0, 6);
}

/** "family:revision" from a task definition ARN. */
export function taskDefinitionName(arn: string | undefined): string {
  return resourceIdOf(arn);
}

/** The family of a task definition ARN or "family:revision". */
export function familyOf(arnOrName: string | undefined): string {
  return resourceIdOf(arnOrName).replace(/:\d+$/, '');
}

/** The revision number of a task definition ARN, if it has one. */
export function revisionOf(arn: string | undefined): number | undefined {
  const m = /:(\d+)$/.exec(arn ?? '');
  return m ? Number(m[1]) : undefined;
}
