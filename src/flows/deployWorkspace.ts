import type { ECRClient } from '@aws-sdk/client-ecr';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { throwIfAborted } from '../core/abort';
import { plural } from '../core/clusterSummary';
import { formatDiagnostic, type RenderOptions } from '../core/compose/index';
import { UserError } from '../core/userError';
import { buildComposeImages, imagesOf, type ComposeImagesDeps, type PushedImage } from './composeImages';
import { deployService, type DeployRequest, type DeployResult, type FlowContext } from './deployService';
import { renderComposeProject, type RenderComposeRequest } from './renderCompose';

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

/** What building the images needs, and ECS for the deploy. */
export interface DeployWorkspaceDeps extends ComposeImagesDeps, FlowContext {
  readonly ecs: ECSClient;
  readonly ecr: ECRClient;
}

export interface DeployWorkspaceResult {
  readonly pushed: readonly PushedImage[];
  readonly deploy?: DeployResult;
}

/** Renders and stops on errors, quoting them with file:line. */
function renderOrFail(req: DeployWorkspaceRequest, images: Record<string, string>) {
  const result = renderComposeProject({ ...req.compose, options: { ...req.compose.options, images } });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.taskDefinition) {
    throw new UserError(`The compose file has ${plural(errors.length, 'error')}: ${errors.slice(0, 3).map((d) => formatDiagnostic(d)).join('; ')}`);
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

  const pushed = await buildComposeImages(
    { compose: req.compose, tags: req.tags, platform: req.platform, noCache: req.noCache },
    { ecr: deps.ecr, docker: deps.docker, dockerHost: deps.dockerHost, connection: deps.connection, log, progress, signal, gitInfo: deps.gitInfo, buildRecords: deps.buildRecords },
  );
  const images = imagesOf(pushed);
  const rendered = renderOrFail(req, images);
  throwIfAborted(signal);
  const deploy = await deployService(
    deps.ecs,
    { cluster: req.cluster, service: req.service, source: { kind: 'taskDefinition', input: rendered.taskDefinition! }, confirm: req.confirm },
    deps,
  );
  return { pushed, deploy };
}
