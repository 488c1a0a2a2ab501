import type { ECRClient } from '@aws-sdk/client-ecr';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type Docker from 'dockerode';
import { throwIfAborted } from '../core/abort';
import { formatDiagnostic, type RenderOptions } from '../core/compose/index';
import type { ResolvedConnection } from '../core/connection';
import { UserError } from '../core/userError';
import { buildAndPush, type BuildAndPushDeps, type BuildAndPushResult } from './buildAndPush';
import { deployService, type DeployRequest, type DeployResult, type FlowContext } from './deployService';
import { composeBuildTargets, renderComposeProject, type RenderComposeRequest } from './renderCompose';

export interface DeployWorkspaceRequest {
  /** The compose project, as for `ecs-deploy render` (its --image options are filled in here). */
  readonly compose: Omit<RenderComposeRequest, 'options'> & { readonly options: Omit<RenderOptions, 'images'> };
  readonly cluster: string;
  readonly service: string;
  readonly tags?: readonly string[];
  readonly platform?: string;
  /** Build every step again; never reuse an earlier identical build. */
  readonly noCache?: boolean;
  readonly confirm?: DeployRequest['confirm'];
}

export interface DeployWorkspaceDeps extends FlowContext {
  readonly ecs: ECSClient;
  readonly ecr: ECRClient;
  readonly docker: Docker;
  readonly dockerHost: string;
  readonly connection: ResolvedConnection;
  readonly gitInfo?: BuildAndPushDeps['gitInfo'];
  readonly buildRecords?: BuildAndPushDeps['buildRecords'];
}

export interface DeployWorkspaceResult {
  readonly pushed: ReadonlyArray<{ service: string; image: BuildAndPushResult }>;
  readonly deploy?: DeployResult;
}

/** The request's tags plus the one the compose file's image names (alone when the request has none); else the defaults. */
function pushTags(tags: readonly string[] | undefined, imageTag: string | undefined): readonly string[] | undefined {
  if (!imageTag) return tags;
  return [...new Set([...(tags ?? []), imageTag])];
}

/** Renders and stops on errors, quoting them with file:line. */
function renderOrFail(req: DeployWorkspaceRequest, images: Record<string, string>) {
  const result = renderComposeProject({ ...req.compose, options: { ...req.compose.options, images } });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.taskDefinition) {
    throw new UserError(`The compose file has ${errors.length} error(s): ${errors.slice(0, 3).map((d) => formatDiagnostic(d)).join('; ')}`);
  }
  return result;
}

/**
 * The one-click path: check the compose project, build and push each `build:` service's image,
 * render the task definition with those images pinned by digest, then register and update the
 * service (after the caller's diff confirmation). Watching is the caller's.
 */
export async function deployWorkspace(req: DeployWorkspaceRequest, deps: DeployWorkspaceDeps): Promise<DeployWorkspaceResult> {
  const { log, progress, signal } = deps;
  progress.report({ message: 'Checking the compose file' });
  const first = renderOrFail(req, {});
  for (const d of first.diagnostics.filter((x) => x.severity === 'warning')) log.warn(formatDiagnostic(d));

  const targets = composeBuildTargets(req.compose);
  for (const { service, ecrImage } of targets) {
    // A push goes to the connection's region; an image URI of another region cannot be had from here.
    if (ecrImage && ecrImage.region !== deps.connection.region) {
      throw new UserError(`"${service}" names the image ${ecrImage.uri}, in ${ecrImage.region}, but the connection is to ${deps.connection.region}: connect to ${ecrImage.region} to push it there, or change its image`);
    }
  }
  const pushed: Array<{ service: string; image: BuildAndPushResult }> = [];
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

  const images = Object.fromEntries(pushed.map((p) => [p.service, p.image.imageUri]));
  const rendered = renderOrFail(req, images);
  throwIfAborted(signal);
  const deploy = await deployService(
    deps.ecs,
    { cluster: req.cluster, service: req.service, source: { kind: 'taskDefinition', input: rendered.taskDefinition! }, confirm: req.confirm },
    deps,
  );
  return { pushed, deploy };
}
