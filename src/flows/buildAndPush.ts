import type { ECRClient } from '@aws-sdk/client-ecr';
import type Docker from 'dockerode';
import path from 'node:path';
import { createRepository, findRepository, getEcrLogin, type RepositoryInfo } from '../aws/ecr';
import { abortError, throwIfAborted } from '../core/abort';
import { describeAwsError } from '../core/awsErrors';
import { profileName, type ResolvedConnection } from '../core/connection';
import { formatBytes } from '../core/image/bytes';
import { pushRepository, repositoryNameProblem } from '../core/image/ecrNames';
import { defaultTags, platformMatchesEngine, platformProblem, tagProblem, type GitInfo } from '../core/image/imageTags';
import type { Logger, ProgressReporter } from '../core/logger';
import { UserError } from '../core/userError';
import { buildImage } from '../docker/buildImage';
import { describeEngine, type EngineInfo } from '../docker/engine';
import { pushImage, tagImage } from '../docker/pushImage';

export const DEFAULT_PLATFORM = 'linux/amd64';

export interface BuildAndPushRequest {
  readonly dockerfile: string;
  /** Defaults to the Dockerfile's folder. */
  readonly contextDir?: string;
  readonly repository: string;
  /** Create the repository when ECR does not have it. */
  readonly createRepository?: boolean;
  /** Defaults to the git short commit (+ "-dirty") and "latest". */
  readonly tags?: readonly string[];
  readonly platform?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  /** How messages name the Dockerfile, e.g. relative to the workspace. */
  readonly dockerfileLabel?: string;
}

export interface BuildAndPushDeps {
  readonly docker: Docker;
  readonly dockerHost: string;
  readonly ecr: ECRClient;
  readonly connection: ResolvedConnection;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
  readonly gitInfo?: (dir: string) => Promise<GitInfo | undefined>;
  /** Asked when the engine builds another architecture than the platform; false stops the flow. */
  readonly confirmPlatform?: (platform: string, engine: EngineInfo) => Promise<boolean>;
}

export interface BuildAndPushResult {
  /** The repository URI as ECR reports it. */
  readonly repositoryUri: string;
  readonly digest: string;
  /** REPOSITORY_URI@sha256:… — what a task definition should reference. */
  readonly imageUri: string;
  readonly tags: readonly string[];
  readonly contextBytes: number;
}

/** Checks the request before any engine or AWS call, so a typo costs nothing. */
export function validateRequest(req: BuildAndPushRequest): void {
  const problems = [
    repositoryNameProblem(req.repository),
    ...(req.tags ?? []).map(tagProblem),
    req.platform ? platformProblem(req.platform) : undefined,
  ].filter(Boolean);
  if (req.tags && req.tags.length === 0) problems.push('at least one tag is needed');
  if (problems.length) throw new UserError(problems.join('; '));
}

/** engine check → repository → build → tag → login → push → digest. */
export async function buildAndPush(req: BuildAndPushRequest, deps: BuildAndPushDeps): Promise<BuildAndPushResult> {
  const { docker, dockerHost, ecr, connection, log, progress, signal } = deps;
  validateRequest(req);
  const dockerfile = path.resolve(req.dockerfile);
  const contextDir = path.resolve(req.contextDir ?? path.dirname(dockerfile));
  const platform = req.platform ?? DEFAULT_PLATFORM;
  const aws = (action: string) => (err: unknown) => {
    if (signal?.aborted) throw err;
    throw new UserError(describeAwsError(err, { service: 'ECR', action, profile: profileName(connection), endpoint: connection.endpoint }).message, err);
  };

  // Read-only questions go out together; nothing is created before the engine answered.
  progress.report({ message: 'Checking the Docker engine' });
  const lookup = findRepository(ecr, req.repository, signal).catch(aws('ecr:DescribeRepositories'));
  const git = req.tags?.length ? Promise.resolve(undefined) : (deps.gitInfo?.(contextDir) ?? Promise.resolve(undefined));
  lookup.catch(() => undefined); // awaited below; an engine failure must not leave it unhandled
  const engine = await describeEngine(docker, dockerHost);
  log.info(`Docker engine ${engine.version} (${engine.os}/${engine.arch}) at ${dockerHost}`);
  if (!platformMatchesEngine(platform, engine)) {
    const note = `The Docker engine builds ${engine.os}/${engine.arch} natively; building ${platform} needs emulation and can be slow or fail`;
    log.warn(note);
    if (deps.confirmPlatform && !(await deps.confirmPlatform(platform, engine))) {
      throw abortError(`Not built: ${note}`); // the user said no: a cancel, not a failure
    }
  }
  throwIfAborted(signal);

  // The build starts now; the repository is looked up (or created) and the login fetched while
  // the engine works. A repository that cannot be had stops the build at once.
  const build = new AbortController();
  const stopBuild = () => build.abort();
  signal?.addEventListener('abort', stopBuild, { once: true });
  const repoPromise = lookup.then(async (found): Promise<RepositoryInfo> => {
    if (found) return found;
    if (!req.createRepository) {
      throw new UserError(`The ECR repository "${req.repository}" does not exist in ${connection.region} — create it, or allow creating it`);
    }
    log.info(`Creating ECR repository ${req.repository}`);
    return createRepository(ecr, req.repository, signal).catch(aws('ecr:CreateRepository'));
  });
  repoPromise.catch(stopBuild);
  // The login stays in memory only.
  const loginPromise = getEcrLogin(ecr, connection.ecrRegistryAddress, signal).catch(aws('ecr:GetAuthorizationToken'));
  loginPromise.catch(() => undefined); // awaited after the build; a failed build must not leave it unhandled
  const tags = req.tags?.length ? [...req.tags] : defaultTags(await git);
  log.info(`Building ${path.relative(contextDir, dockerfile)} in ${contextDir} for ${platform}`);
  const run = { log, progress, signal, host: dockerHost };
  let repo: RepositoryInfo;
  let built: Awaited<ReturnType<typeof buildImage>>;
  try {
    [repo, built] = await Promise.all([
      repoPromise,
      buildImage(
        docker,
        { contextDir, dockerfile, platform, buildArgs: req.buildArgs, target: req.target, dockerfileLabel: req.dockerfileLabel },
        { ...run, signal: build.signal },
      ),
    ]);
  } finally {
    signal?.removeEventListener('abort', stopBuild);
  }
  log.info(`Built ${built.id} from a context of ${formatBytes(built.contextBytes)}`);
  throwIfAborted(signal);
  const pushTo = pushRepository(repo.uri, connection.ecrRegistryAddress);

  progress.report({ message: `Tagging ${pushTo}:${tags.join(', ')}` });
  for (const tag of tags) await tagImage(docker, built.id, pushTo, tag, dockerHost);
  throwIfAborted(signal);

  progress.report({ message: 'Logging in to ECR' });
  const login = await loginPromise;
  throwIfAborted(signal);

  let digest = '';
  for (const tag of tags) {
    log.info(`Pushing ${pushTo}:${tag}`);
    digest = await pushImage(docker, pushTo, tag, login, run);
  }
  const imageUri = `${repo.uri}@${digest}`;
  log.info(`Pushed ${imageUri}`);
  return { repositoryUri: repo.uri, digest, imageUri, tags, contextBytes: built.contextBytes };
}
