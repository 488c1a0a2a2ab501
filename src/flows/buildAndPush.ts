import type { ECRClient } from '@aws-sdk/client-ecr';
import type Docker from 'dockerode';
import fs from 'node:fs';
import path from 'node:path';
import { abortError, throwIfAborted } from '../core/abort';
import type { ResolvedConnection } from '../core/connection';
import { formatBytes } from '../core/image/bytes';
import { pushRepository, repositoryNameProblem } from '../core/image/ecrNames';
import { defaultTags, tagProblem, type GitInfo } from '../core/image/imageTags';
import { platformMatchesEngine, platformProblem } from '../core/image/platform';
import type { Logger, ProgressReporter } from '../core/logger';
import { UserError } from '../core/userError';
import { buildImage } from '../docker/buildImage';
import { describeEngine, type EngineInfo } from '../docker/engine';
import type { BuildRecords } from '../docker/buildRecords';
import { pushImage, tagImage } from '../docker/pushImage';
import { checkUnchangedBuild, type UnchangedCheck } from '../docker/unchangedBuild';
import { EcrTarget } from './ecrTarget';

export const DEFAULT_PLATFORM = 'linux/amd64';

export interface BuildAndPushRequest {
  readonly dockerfile: string;
  /** Defaults to the Dockerfile's folder. */
  readonly contextDir?: string;
  readonly repository: string;
  /** Create the repository when ECR does not have it. */
  readonly createRepository?: boolean;
  /** The registry host the repository must be in (from an ECR image URI); another stops the flow before the push. */
  readonly registry?: string;
  /** Defaults to the git short commit (+ "-dirty") and "latest". */
  readonly tags?: readonly string[];
  readonly platform?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  /** Run every step again (docker build --no-cache) and never reuse an earlier identical build. */
  readonly noCache?: boolean;
  /** How messages name the Dockerfile, e.g. relative to the workspace. */
  readonly dockerfileLabel?: string;
}

export interface BuildAndPushDeps {
  readonly docker: Docker;
  readonly dockerHost: string;
  /**
   * The ECR client, or a function that makes it: the flow then loads the AWS SDK only once the
   * engine has its first request (the SDK's load is most of a CLI run's start-up).
   */
  readonly ecr: ECRClient | (() => Promise<ECRClient>);
  readonly connection: ResolvedConnection;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
  readonly gitInfo?: (dir: string) => Promise<GitInfo | undefined>;
  /**
   * Records of earlier builds: when nothing the build reads has changed since one of them, its
   * image is pushed again without sending the context. Without it, every run builds.
   */
  readonly buildRecords?: BuildRecords;
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
  /** True when the image of an earlier, identical build was pushed and nothing was built. */
  readonly reused: boolean;
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
  const { docker, dockerHost, connection, log, progress, signal } = deps;
  validateRequest(req);
  const { dockerfile, contextDir } = existingDockerfile(req);
  const platform = req.platform ?? DEFAULT_PLATFORM;
  // Read-only questions go out together; nothing is created before the engine answered.
  progress.report({ message: 'Checking the Docker engine' });
  const engineAnswer = describeEngine(docker, dockerHost);
  const target = new EcrTarget({ ecr: deps.ecr, repository: req.repository, createRepository: req.createRepository, registry: req.registry, connection, log, signal });
  // Loading the AWS SDK (when the caller left that to the flow) takes the only thread for tens of
  // milliseconds. With a recorded build the recorded image is likely pushed soon: it loads while
  // the engine answers. Otherwise it waits until the engine has the whole context (see below).
  if (deps.buildRecords && !req.noCache && deps.buildRecords.get(dockerfile, contextDir)) target.prefetch();
  const git = req.tags?.length ? Promise.resolve(undefined) : (deps.gitInfo?.(contextDir) ?? Promise.resolve(undefined));
  const inputs = { dockerfile, contextDir, platform, buildArgs: req.buildArgs, target: req.target };
  const checking: Promise<UnchangedCheck> | undefined = deps.buildRecords
    ? checkUnchangedBuild(docker, deps.buildRecords, inputs).catch((err: unknown) => ({ kind: 'build', why: String(err) }))
    : undefined;
  await checkPlatform(await engineAnswer, platform, deps);
  throwIfAborted(signal);

  const tags = req.tags?.length ? [...req.tags] : defaultTags(await git);
  const check = await checking;
  const reuse = check?.kind === 'unchanged' && !req.noCache ? check : undefined;
  let built: { id: string; contextBytes: number };
  if (reuse) {
    target.start();
    log.info(`Nothing the build reads has changed (context, Dockerfile, options, base images) since it made ${reuse.imageId}: pushing that image`);
    progress.report({ message: 'Image up to date' });
    built = { id: reuse.imageId, contextBytes: reuse.contextBytes };
  } else {
    if (check?.kind === 'build') log.debug(`Building: ${check.why}`);
    log.info(`Building ${path.relative(contextDir, dockerfile)} in ${contextDir} for ${platform}`);
    built = await buildWhileEcrStarts(target, { ...inputs, noCache: req.noCache, dockerfileLabel: req.dockerfileLabel }, deps);
    log.info(`Built ${built.id} from a context of ${formatBytes(built.contextBytes)}`);
    if (check?.inputs) deps.buildRecords?.put(dockerfile, contextDir, { inputs: check.inputs, imageId: built.id, contextBytes: built.contextBytes });
  }
  const repo = await target.repository();
  throwIfAborted(signal);

  const digest = await tagAndPush(built.id, pushRepository(repo.uri, connection.ecrRegistryAddress), tags, target, deps);
  const imageUri = `${repo.uri}@${digest}`;
  log.info(`Pushed ${imageUri}`);
  return { repositoryUri: repo.uri, digest, imageUri, tags, contextBytes: built.contextBytes, reused: Boolean(reuse) };
}

/** The Dockerfile and context as absolute paths; a missing Dockerfile is said before anything runs. */
function existingDockerfile(req: BuildAndPushRequest): { dockerfile: string; contextDir: string } {
  const dockerfile = path.resolve(req.dockerfile);
  const contextDir = path.resolve(req.contextDir ?? path.dirname(dockerfile));
  if (!fs.statSync(dockerfile, { throwIfNoEntry: false })?.isFile()) {
    throw new UserError(`There is no Dockerfile at ${dockerfile} — create it, or name the one to build`);
  }
  return { dockerfile, contextDir };
}

/** A platform the engine does not build natively is said, and asked about when the caller can ask. */
async function checkPlatform(engine: EngineInfo, platform: string, deps: BuildAndPushDeps): Promise<void> {
  deps.log.info(`Docker engine ${engine.version} (${engine.os}/${engine.arch}) at ${deps.dockerHost}`);
  if (platformMatchesEngine(platform, engine)) return;
  const note = `The Docker engine builds ${engine.os}/${engine.arch} natively; building ${platform} needs emulation and can be slow or fail`;
  deps.log.warn(note);
  if (deps.confirmPlatform && !(await deps.confirmPlatform(platform, engine))) {
    throw abortError(`Not built: ${note}`); // the user said no: a cancel, not a failure
  }
}

/**
 * Builds the image. The repository is looked up (or created) and the login fetched while the
 * engine builds, from the moment it has the context; a repository that cannot be had stops the
 * build at once, and is then the reason given.
 */
async function buildWhileEcrStarts(
  target: EcrTarget,
  input: Omit<Parameters<typeof buildImage>[1], 'onContextSent'>,
  deps: BuildAndPushDeps,
): Promise<{ id: string; contextBytes: number }> {
  const { signal } = deps;
  throwIfAborted(signal);
  const build = new AbortController();
  const stopBuild = () => build.abort();
  signal?.addEventListener('abort', stopBuild, { once: true });
  const startEcr = () => {
    target.start();
    target.repository().catch(stopBuild);
  };
  try {
    return await buildImage(deps.docker, { ...input, onContextSent: startEcr }, { log: deps.log, progress: deps.progress, host: deps.dockerHost, signal: build.signal });
  } catch (err) {
    // Stopped by us, not by the user: a repository that cannot be had is the reason to give.
    if (build.signal.aborted && !signal?.aborted) await target.failureIfAny();
    throw err;
  } finally {
    signal?.removeEventListener('abort', stopBuild);
  }
}

/** Tags the image for the repository, logs in to ECR and pushes each tag; returns the digest. */
async function tagAndPush(imageId: string, pushTo: string, tags: readonly string[], target: EcrTarget, deps: BuildAndPushDeps): Promise<string> {
  const { docker, dockerHost, log, progress, signal } = deps;
  progress.report({ message: `Tagging ${pushTo}:${tags.join(', ')}` });
  for (const tag of tags) await tagImage(docker, imageId, pushTo, tag, dockerHost);
  throwIfAborted(signal);

  progress.report({ message: 'Logging in to ECR' });
  const login = await target.registryLogin();
  throwIfAborted(signal);

  let digest = '';
  for (const tag of tags) {
    log.info(`Pushing ${pushTo}:${tag}`);
    digest = await pushImage(docker, pushTo, tag, login, { log, progress, signal, host: dockerHost });
  }
  return digest;
}
