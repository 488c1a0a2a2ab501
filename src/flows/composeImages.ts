import type { ECRClient } from '@aws-sdk/client-ecr';
import type Docker from 'dockerode';
import { throwIfAborted } from '../core/abort';
import type { ResolvedConnection } from '../core/connection';
import type { Logger, ProgressReporter } from '../core/logger';
import { UserError } from '../core/userError';
import { buildAndPush, type BuildAndPushDeps, type BuildAndPushResult } from './buildAndPush';
import { composeBuildTargets, type RenderComposeRequest } from './renderCompose';

export interface ComposeImagesRequest {
  readonly compose: Omit<RenderComposeRequest, 'options'>;
  /** Services whose image is given (--image SERVICE=URI): not built. */
  readonly given?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly platform?: string;
  readonly noCache?: boolean;
}

export interface ComposeImagesDeps {
  readonly ecr: ECRClient | (() => Promise<ECRClient>);
  readonly docker: Docker;
  readonly dockerHost: string;
  readonly connection: ResolvedConnection;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  readonly gitInfo?: BuildAndPushDeps['gitInfo'];
  readonly buildRecords?: BuildAndPushDeps['buildRecords'];
}

export interface PushedImage {
  readonly service: string;
  readonly image: BuildAndPushResult;
}

/** The `build:` services of a compose project, or none (then nothing needs an engine). */
export function composeImagesToBuild(req: ComposeImagesRequest) {
  return composeBuildTargets(req.compose).filter((t) => !req.given?.[t.service]);
}

/**
 * Builds and pushes the image of every `build:` service not given an image, each to its ECR
 * repository (created when missing), as `ecs-deploy build-push` does. Returns the pushed images,
 * pinned by digest, for render's `images`.
 */
export async function buildComposeImages(req: ComposeImagesRequest, deps: ComposeImagesDeps): Promise<PushedImage[]> {
  const { log, progress, signal } = deps;
  const targets = composeImagesToBuild(req);
  for (const { service, ecrImage } of targets) {
    // A push goes to the connection's region; an image URI of another region cannot be had from here.
    if (ecrImage && ecrImage.region !== deps.connection.region) {
      throw new UserError(`"${service}" names the image ${ecrImage.uri}, in ${ecrImage.region}, but the connection is to ${deps.connection.region}: connect to ${ecrImage.region} to push it there, or change its image`);
    }
  }
  const pushed: PushedImage[] = [];
  for (const [i, t] of targets.entries()) {
    throwIfAborted(signal);
    progress.report({ message: `Image ${i + 1}/${targets.length}: ${t.service} → ${t.repository}` });
    const image = await buildAndPush(
      {
        dockerfile: t.dockerfile,
        contextDir: t.contextDir,
        repository: t.repository,
        createRepository: true,
        registry: t.ecrImage?.registry,
        tags: pushTags(req.tags, t.ecrImage?.tag),
        platform: req.platform,
        noCache: req.noCache,
        buildArgs: t.buildArgs,
        target: t.target,
      },
      { docker: deps.docker, dockerHost: deps.dockerHost, ecr: deps.ecr, connection: deps.connection, log, progress, signal, gitInfo: deps.gitInfo, buildRecords: deps.buildRecords },
    );
    log.info(`${t.service}: pushed ${image.imageUri}`);
    pushed.push({ service: t.service, image });
  }
  return pushed;
}

/** The request's tags plus the one the compose file's image names (alone when the request has none); else the defaults. */
function pushTags(tags: readonly string[] | undefined, imageTag: string | undefined): readonly string[] | undefined {
  if (!imageTag) return tags;
  return [...new Set([...(tags ?? []), imageTag])];
}

/** render's `images` from what was pushed, given images winning. */
export function imagesOf(pushed: readonly PushedImage[], given: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { ...Object.fromEntries(pushed.map((p) => [p.service, p.image.imageUri])), ...given };
}
