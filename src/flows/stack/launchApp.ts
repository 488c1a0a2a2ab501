import type { Change, StackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../../aws/clients';
import { clusterIsActive } from '../../aws/clusters';
import { describeLoadBalancer } from '../../aws/loadBalancers';
import { putSecureValue } from '../../aws/parameters';
import {
  createChangeSet,
  deleteChangeSet,
  deleteStack,
  describeChangeSet,
  describeStack,
  executeChangeSet,
  isNoChangeReason,
  listStackResources,
} from '../../aws/stacks';
import { abortError, throwIfAborted } from '../../core/abort';
import { formatDiagnostic, type ComposeDiagnostic, type RenderOptions } from '../../core/compose/index';
import type { LaunchOptions } from '../../core/stack/launchOptions';
import { APP_TAG_KEY, templateToYaml, type AppSummary, type StackTemplate } from '../../core/stack/index';
import { UserError } from '../../core/userError';
import { buildComposeImages, composeImagesToBuild, imagesOf, type ComposeImagesDeps } from '../composeImages';
import type { FlowContext } from '../deployService';
import { sleep } from '../sleep';
import { renderComposeStack, type RenderComposeRequest } from '../renderCompose';
import { deleteAndWait, followStack, type StackOutcome } from './followStack';
import { resolveAppNetwork } from './stackNetwork';
import { watchStackService } from './watchStackService';
import { plural } from '../../core/plural';

export interface LaunchRequest {
  readonly compose: Omit<RenderComposeRequest, 'options'> & { readonly options: Omit<RenderOptions, 'images'> };
  readonly launch: LaunchOptions;
  /** --image SERVICE=URI: these services are not built. */
  readonly images?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly platform?: string;
  readonly noCache?: boolean;
  readonly timeoutMs: number;
  /** Shown the change set before anything changes; false leaves nothing behind. */
  readonly confirm?: (preview: LaunchPreview) => Promise<boolean>;
  /** The stack is left from a failed create (ROLLBACK_COMPLETE): delete it and create again? */
  readonly confirmRecreate?: (stackName: string, status: string) => Promise<boolean>;
}

export interface LaunchPreview {
  readonly stackName: string;
  readonly kind: 'CREATE' | 'UPDATE';
  readonly changes: readonly Change[];
  readonly template: StackTemplate;
  readonly templateBody: string;
  readonly app: AppSummary;
  /** SSM parameter names the secrets go to (values are never shown). */
  readonly secretNames: readonly string[];
  readonly diagnostics: readonly ComposeDiagnostic[];
}

export interface LaunchDeps extends FlowContext {
  readonly clients: AwsClients;
  /** Needed only when the compose project has `build:` services without --image. */
  readonly images?: () => Promise<Omit<ComposeImagesDeps, 'log' | 'progress' | 'signal'>>;
  readonly onStackEvent?: (e: StackEvent) => void;
  /** The render's warnings and notes (errors end the flow with a LaunchRenderError). */
  readonly onDiagnostic?: (d: ComposeDiagnostic) => void;
}

export type LaunchResult =
  | { readonly outcome: 'declined'; readonly stackName: string }
  | { readonly outcome: 'unchanged' | 'created' | 'updated'; readonly stackName: string; readonly app: AppSummary; readonly url: string; readonly serviceArn?: string }
  | { readonly outcome: 'failed' | 'timeout' | 'stopped-watching'; readonly stackName: string; readonly app: AppSummary; readonly stack: StackOutcome; readonly message: string };

/** A render with errors: the diagnostics, for the faces to print (the CLI: exit 1, or 2 for usage). */
export class LaunchRenderError extends UserError {
  constructor(readonly diagnostics: readonly ComposeDiagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`The compose file has ${plural(errors.length, 'error')}: ${errors.slice(0, 3).map((d) => formatDiagnostic(d)).join('; ')}`);
  }
}

const BUSY = /_IN_PROGRESS$/;

function renderOrFail(req: LaunchRequest, images: Record<string, string>) {
  const result = renderComposeStack({ ...req.compose, options: { ...req.compose.options, images }, launch: req.launch });
  if (!result.template || !result.app || result.diagnostics.some((d) => d.severity === 'error')) throw new LaunchRenderError(result.diagnostics);
  return { ...result, template: result.template, app: result.app };
}

/**
 * `ecs-deploy up` / Launch on ECS: renders the app's stack, builds and pushes its images, then
 * creates or updates the one CloudFormation stack through a change set shown before it runs,
 * and follows it (stack events; the rollout while CloudFormation waits for the service) to
 * the end. Cancel before the change set runs leaves nothing behind; after it, Cancel only stops
 * watching — CloudFormation goes on, and nothing is deleted.
 */
export async function launchApp(req: LaunchRequest, deps: LaunchDeps): Promise<LaunchResult> {
  const { log, progress, signal, clients } = deps;
  progress.report({ message: 'Checking the compose file' });
  const first = renderOrFail(req, { ...req.images });

  const stackName = first.app.stackName;

  let rendered = first;
  if (composeImagesToBuild({ compose: req.compose, given: req.images }).length) {
    if (!deps.images) throw new UserError('The compose project has build: services: give their images with --image SERVICE=URI, or build them with an engine');
    const engine = await deps.images();
    const pushed = await buildComposeImages(
      { compose: req.compose, given: req.images, tags: req.tags, platform: req.platform, noCache: req.noCache },
      { ...engine, log, progress, signal },
    );
    // Again with the built images: before the build, built services would be "not pushed yet".
    rendered = renderOrFail(req, imagesOf(pushed, req.images));
  }
  const { template, app, secrets, diagnostics } = rendered;
  const report = deps.onDiagnostic ?? ((d: ComposeDiagnostic) => d.severity === 'warning' && log.warn(formatDiagnostic(d)));
  for (const d of diagnostics) report(d);
  const templateBody = templateToYaml(template);

  progress.report({ message: `Looking up stack ${stackName}` });
  let existing = await describeStack(clients.cloudFormation, stackName, signal);
  if (existing && BUSY.test(existing.StackStatus ?? '') && existing.StackStatus !== 'REVIEW_IN_PROGRESS') {
    throw new UserError(`Stack ${stackName} is busy (${existing.StackStatus}): wait until it ends, then run again`);
  }
  if (existing?.StackStatus === 'ROLLBACK_COMPLETE' || existing?.StackStatus === 'ROLLBACK_FAILED') {
    // A failed create leaves a stack that can only be deleted; it holds nothing but retained data.
    const ok = (await req.confirmRecreate?.(stackName, existing.StackStatus)) ?? false;
    if (!ok) throw new UserError(`Stack ${stackName} is ${existing.StackStatus} after a failed create: it must be deleted before the app can be created again (confirm, or run ecs-deploy down first)`);
    const deleted = await deleteAndWait(deps, existing.StackId ?? stackName, req.timeoutMs);
    if (deleted.phase !== 'SUCCEEDED') throw new UserError(`Deleting the failed stack ${stackName} did not finish: ${deleted.reason}`);
    existing = undefined;
  }
  const kind: 'CREATE' | 'UPDATE' = !existing || existing.StackStatus === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE';

  const parameters = await stackParameters(deps, app, template, kind === 'UPDATE' ? stackName : undefined);
  throwIfAborted(signal);
  progress.report({ message: `Preparing the change set of ${stackName}` });
  const changeSetName = `ecs-deploy-${Date.now()}`;
  const { changeSetId, stackId } = await createChangeSet(
    clients.cloudFormation,
    { stackName, changeSetName, templateBody, parameters, tags: { [APP_TAG_KEY]: app.appId }, type: kind, description: `ecs-deploy up of ${app.serviceName}` },
    signal,
  );
  // From here on a cancel removes what this run made before returning.
  const discard = async () => {
    await deleteChangeSet(clients.cloudFormation, changeSetId).catch((err) => log.debug(`could not delete change set ${changeSetName}: ${String(err)}`));
    // A CREATE change set made the stack in REVIEW_IN_PROGRESS, holding nothing: it goes too.
    if (kind === 'CREATE') await deleteStack(clients.cloudFormation, stackId, `ecs-deploy-discard-${Date.now()}`).catch(() => undefined);
  };
  const ready = await waitForChangeSet(deps, changeSetId).catch(async (err) => {
    await discard();
    throw err;
  });
  if (ready.status === 'FAILED') {
    await discard();
    if (isNoChangeReason(ready.reason)) {
      log.info(`${stackName}: no changes`);
      const endpoint = await appEndpoint(deps, stackName, app);
      return { outcome: 'unchanged', stackName, app, ...endpoint };
    }
    throw new UserError(`CloudFormation refused the change set of ${stackName}: ${ready.reason ?? 'no reason given'}`);
  }

  const preview: LaunchPreview = { stackName, kind, changes: ready.changes, template, templateBody, app, secretNames: secrets.map((s) => s.parameterName), diagnostics };
  if (req.confirm && !(await req.confirm(preview).catch(async (err) => (await discard(), Promise.reject(err))))) {
    await discard();
    return { outcome: 'declined', stackName };
  }
  if (signal.aborted) {
    await discard();
    throw abortError();
  }

  // The stack's task definition names these parameters; they exist before it runs.
  for (const s of secrets) {
    const written = await putSecureValue(clients.ssm, s.parameterName, s.value, { [APP_TAG_KEY]: app.appId });
    log.info(`${s.parameterName}: ${written ? 'stored (SecureString)' : 'unchanged'}`);
  }

  const token = `ecs-deploy-${changeSetName}`;
  const since = new Date();
  progress.report({ message: `${kind === 'CREATE' ? 'Creating' : 'Updating'} ${stackName}` });
  await executeChangeSet(clients.cloudFormation, changeSetId, token);
  log.info(`${kind === 'CREATE' ? 'Creating' : 'Updating'} stack ${stackName} (${plural(ready.changes.length, 'change')})`);

  const serviceWatch = watchStackService(deps, app, req.timeoutMs);
  const outcome = await followStack(clients.cloudFormation, {
    stackId,
    token,
    since,
    totalResources: kind === 'CREATE' ? Object.keys(template.Resources).length : ready.changes.length,
    evidence: serviceWatch.evidence,
    timeoutMs: req.timeoutMs,
    log,
    progress,
    signal,
    onEvent: (e) => {
      deps.onStackEvent?.(e);
      serviceWatch.onStackEvent(e);
    },
  });
  serviceWatch.stop();
  if (outcome.phase === 'SUCCEEDED') {
    const endpoint = await appEndpoint(deps, stackName, app);
    return { outcome: kind === 'CREATE' ? 'created' : 'updated', stackName, app, ...endpoint };
  }
  const how = `aws cloudformation describe-stack-events --stack-name ${stackName}`;
  const message = `${outcome.reason} To see the stack's events: ${how}`;
  return { outcome: outcome.phase === 'FAILED' ? 'failed' : outcome.phase === 'TIMEOUT' ? 'timeout' : 'stopped-watching', stackName, app, stack: outcome, message };
}

async function waitForChangeSet(deps: LaunchDeps, changeSetId: string) {
  const started = Date.now();
  for (let i = 0; ; i++) {
    const state = await describeChangeSet(deps.clients.cloudFormation, changeSetId, deps.signal);
    if (state.status === 'CREATE_COMPLETE' || state.status === 'FAILED') return state;
    if (Date.now() - started > 5 * 60_000) throw new UserError(`The change set was still ${state.status} after 5 minutes`);
    throwIfAborted(deps.signal);
    await sleep(Math.min(5_000, 500 * 2 ** i), deps.signal);
  }
}

/** Parameter values for what the template declares; the template itself never calls AWS. */
async function stackParameters(deps: LaunchDeps, app: AppSummary, template: StackTemplate, existingStack?: string): Promise<Record<string, string>> {
  const declared = new Set(Object.keys(template.Parameters ?? {}));
  const out: Record<string, string> = {};
  if (declared.has('VpcId') || declared.has('SubnetIds')) {
    deps.progress.report({ message: 'Finding the network' });
    const net = app.network;
    const found = await resolveAppNetwork(deps.clients.ec2, net.mode === 'existing' ? { vpcId: net.vpcId, subnets: net.subnets } : {}, deps.signal);
    if (declared.has('VpcId')) out.VpcId = found.vpcId;
    if (declared.has('SubnetIds')) out.SubnetIds = found.subnetIds.join(',');
    deps.log.info(`Network: ${found.vpcId}, subnets ${found.subnetIds.join(', ')}`);
  }
  if (declared.has('CreateCluster')) {
    // A cluster the stack made stays the stack's; one that exists otherwise is only used.
    const ours = existingStack ? (await listStackResources(deps.clients.cloudFormation, existingStack, deps.signal)).some((r) => r.ResourceType === 'AWS::ECS::Cluster') : false;
    const exists = ours ? true : await clusterIsActive(deps.clients.ecs, app.clusterName, deps.signal);
    out.CreateCluster = ours || !exists ? 'true' : 'false';
    deps.log.info(`Cluster ${app.clusterName}: ${ours ? 'the stack\'s own' : exists ? 'exists, used as it is' : 'created by the stack'}`);
  }
  return out;
}

/** The app's URL from its load balancer (an emulator's stacks may lack outputs), else the service ARN. */
async function appEndpoint(deps: LaunchDeps, stackName: string, app: AppSummary): Promise<{ url: string; serviceArn?: string }> {
  const resources = await listStackResources(deps.clients.cloudFormation, stackName, deps.signal);
  const serviceArn = resources.find((r) => r.ResourceType === 'AWS::ECS::Service')?.PhysicalResourceId;
  const lbArn = resources.find((r) => r.ResourceType === 'AWS::ElasticLoadBalancingV2::LoadBalancer')?.PhysicalResourceId;
  if (app.publicPort && lbArn) {
    const lb = await describeLoadBalancer(deps.clients.elb, lbArn, deps.signal);
    if (lb?.DNSName) return { url: `${app.https ? 'https' : 'http'}://${lb.DNSName}`, serviceArn };
  }
  return { url: serviceArn ?? `${app.clusterName}/${app.serviceName}`, serviceArn };
}
