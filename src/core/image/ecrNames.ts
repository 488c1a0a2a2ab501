/** ECR repository names: lowercase, digits, and . _ - / separators, 2–256 characters. */
const REPO_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export function repositoryNameProblem(name: string): string | undefined {
  return name.length >= 2 && name.length <= 256 && REPO_NAME.test(name)
    ? undefined
    : `"${name}" is not a valid ECR repository name — use lowercase letters, digits and . _ - / (2 to 256 characters)`;
}

/** A repository name made from a folder name: "My App" → "my-app" (separators become one "-"). */
export function repositoryNameFor(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
  return name.length >= 2 ? name : `app-${name || 'image'}`;
}

/** "https://1234.dkr.ecr.eu-west-1.amazonaws.com" → "1234.dkr.ecr.eu-west-1.amazonaws.com". */
export function registryHost(endpointOrHost: string): string {
  return endpointOrHost.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

/** "1234.dkr.ecr…/app" with the registry part replaced (emulators push elsewhere than ECR reports). */
export function pushRepository(repositoryUri: string, registryOverride: string | undefined): string {
  if (!registryOverride) return repositoryUri;
  const slash = repositoryUri.indexOf('/');
  return `${registryHost(registryOverride)}/${repositoryUri.slice(slash + 1)}`;
}
