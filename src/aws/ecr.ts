import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  type ECRClient,
  type Repository,
} from '@aws-sdk/client-ecr';
import { registryHost } from '../core/image/ecrNames';
import { decodeEcrToken, type RegistryLogin } from '../core/image/ecrToken';
import { isAwsError } from '../core/awsErrors';

export interface RepositoryInfo {
  readonly name: string;
  /** As ECR reports it: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app". */
  readonly uri: string;
}

const info = (r: Repository): RepositoryInfo => ({ name: r.repositoryName ?? '', uri: r.repositoryUri ?? '' });

/** Every repository of the registry, sorted by name, for the repository picker. */
export async function listRepositories(ecr: ECRClient, signal?: AbortSignal): Promise<RepositoryInfo[]> {
  const out: RepositoryInfo[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecr.send(new DescribeRepositoriesCommand({ maxResults: 1000, nextToken }), { abortSignal: signal });
    out.push(...(page.repositories ?? []).map(info));
    nextToken = page.nextToken;
  } while (nextToken);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The repository, or undefined when ECR says it does not exist. */
export async function findRepository(ecr: ECRClient, name: string, signal?: AbortSignal): Promise<RepositoryInfo | undefined> {
  try {
    const out = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }), { abortSignal: signal });
    const repo = out.repositories?.[0];
    return repo ? info(repo) : undefined;
  } catch (err) {
    if (isAwsError(err, 'RepositoryNotFoundException')) return undefined;
    throw err;
  }
}

export async function createRepository(ecr: ECRClient, name: string, signal?: AbortSignal): Promise<RepositoryInfo> {
  try {
    const out = await ecr.send(new CreateRepositoryCommand({ repositoryName: name }), { abortSignal: signal });
    if (!out.repository) throw new Error(`ECR created ${name} but did not describe it`);
    return info(out.repository);
  } catch (err) {
    // A retried call whose first answer was lost, or a parallel run: the repository is there.
    if (!isAwsError(err, 'RepositoryAlreadyExistsException')) throw err;
    const found = await findRepository(ecr, name, signal);
    if (!found) throw err;
    return found;
  }
}

/**
 * A registry login from GetAuthorizationToken, kept in memory only. `registryOverride` replaces
 * the address ECR reports (emulators whose registry lives elsewhere).
 */
export async function getEcrLogin(ecr: ECRClient, registryOverride?: string, signal?: AbortSignal): Promise<RegistryLogin> {
  const out = await ecr.send(new GetAuthorizationTokenCommand({}), { abortSignal: signal });
  const data = out.authorizationData?.[0];
  if (!data?.authorizationToken || !data.proxyEndpoint) throw new Error('ECR returned no authorization data');
  const login = decodeEcrToken(data.authorizationToken, data.proxyEndpoint);
  return registryOverride ? { ...login, registry: registryHost(registryOverride) } : login;
}
