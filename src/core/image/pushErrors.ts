/** The IAM actions a push to ECR needs; named when the registry refuses one. */
export const ECR_PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
] as const;

/** Words a failed push: refusals name the permissions to add, an expired token says to retry. */
export function describePushFailure(message: string, target: string): string {
  if (/authorization token has expired|token.*expired/i.test(message)) {
    return `The registry's login for ${target} has expired — run the command again to get a fresh one (${message})`;
  }
  const action = /not authorized to perform: (ecr:\w+)/i.exec(message)?.[1];
  if (action) {
    return `The push to ${target} was denied: the profile's IAM policy must allow ${action} (a push needs ${ECR_PUSH_ACTIONS.join(', ')}) — ${message}`;
  }
  if (/denied|unauthorized|authentication required|no basic auth credentials|403 forbidden/i.test(message)) {
    return `The push to ${target} was denied: ${message} — check that the login is for this registry and that the profile's IAM policy allows ${ECR_PUSH_ACTIONS.join(', ')}`;
  }
  if (/name unknown|repository .* does not exist/i.test(message)) {
    return `The repository of ${target} does not exist in the registry: ${message}`;
  }
  return `The push to ${target} failed: ${message}`;
}
