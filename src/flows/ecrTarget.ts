import type { ECRClient } from '@aws-sdk/client-ecr';
import type { RepositoryInfo } from '../aws/ecr';
import { describeAwsError } from '../core/awsErrors';
import { profileName, type ResolvedConnection } from '../core/connection';
import type { RegistryLogin } from '../core/image/ecrToken';
import type { Logger } from '../core/logger';
import { UserError } from '../core/userError';

export interface EcrTargetOptions {
  /** The client, or a function that makes it (and loads the AWS SDK) when first needed. */
  readonly ecr: ECRClient | (() => Promise<ECRClient>);
  readonly repository: string;
  readonly createRepository?: boolean;
  /** The registry (host) the repository must be in, when an image URI named one. */
  readonly registry?: string;
  readonly connection: ResolvedConnection;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}

/**
 * The ECR half of a build-and-push — the AWS SDK loaded, the repository looked up (or created),
 * the login fetched (kept in memory only) — started when the caller says it costs the least:
 * loading the SDK takes tens of milliseconds of the only thread, which must not stall sending a
 * build context. Each step starts once; failures become messages that name the permission.
 */
export class EcrTarget {
  private api?: Promise<typeof import('../aws/ecr') & { ecr: ECRClient }>;
  private lookup?: Promise<RepositoryInfo | undefined>;
  private repo?: Promise<RepositoryInfo>;
  private login?: Promise<RegistryLogin>;

  constructor(private readonly o: EcrTargetOptions) {}

  /** Read-only: loads the SDK and asks whether the repository exists. */
  prefetch(): void {
    if (this.lookup) return;
    const { ecr, signal } = this.o;
    this.api = Promise.all([import('../aws/ecr'), typeof ecr === 'function' ? ecr() : ecr]).then(([api, client]) => ({ ...api, ecr: client }));
    this.lookup = this.api.then(({ findRepository, ecr: c }) => findRepository(c, this.o.repository, signal)).catch(this.failure('ecr:DescribeRepositories'));
    this.lookup.catch(() => undefined); // awaited through repository(); never left unhandled
  }

  /** The repository, created when missing and allowed; starts the lookup if it has not started. */
  repository(): Promise<RepositoryInfo> {
    this.prefetch();
    return (this.repo ??= this.lookup!.then(async (found) => {
      if (found) return this.checkRegistry(found);
      const { repository, createRepository, connection, log, signal } = this.o;
      if (!createRepository) {
        throw new UserError(`The ECR repository "${repository}" does not exist in ${connection.region} — create it, or allow creating it`);
      }
      log.info(`Creating ECR repository ${repository}`);
      const { createRepository: create, ecr } = await this.api!;
      return this.checkRegistry(await create(ecr, repository, signal).catch(this.failure('ecr:CreateRepository')));
    }));
  }

  /** The repository is where the image must go (the account an ECR image URI names), or nothing is pushed. */
  private checkRegistry(repo: RepositoryInfo): RepositoryInfo {
    const want = this.o.registry;
    const have = repo.uri.slice(0, repo.uri.indexOf('/'));
    if (want && have !== want) {
      throw new UserError(
        `The image is to go to ${want}/${this.o.repository}, but this connection's ECR repository is ${repo.uri} (another account): connect with a profile of the account in the image URI, or change the image`,
      );
    }
    return repo;
  }

  /** The registry login from GetAuthorizationToken (with the emulator's registry address when set). */
  registryLogin(): Promise<RegistryLogin> {
    this.prefetch();
    const { connection, signal } = this.o;
    if (!this.login) {
      this.login = this.api!.then(({ getEcrLogin, ecr }) => getEcrLogin(ecr, connection.ecrRegistryAddress, signal)).catch(this.failure('ecr:GetAuthorizationToken'));
      this.login.catch(() => undefined); // awaited before the push; a failed build must not leave it unhandled
    }
    return this.login;
  }

  /** Repository and login both under way. */
  start(): void {
    this.repository().catch(() => undefined);
    void this.registryLogin();
  }

  /** The repository's outcome if it has been asked for: a failure there is the real reason a build stopped. */
  async failureIfAny(): Promise<void> {
    if (this.repo) await this.repo;
  }

  private failure(action: string) {
    const { connection, signal } = this.o;
    return (err: unknown): never => {
      if (signal?.aborted) throw err;
      throw new UserError(describeAwsError(err, { service: 'ECR', action, profile: profileName(connection), endpoint: connection.endpoint }).message, err);
    };
  }
}
