import type { ECSClient, RegisterTaskDefinitionCommandInput, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { describeService, forceNewDeployment, updateServiceTaskDefinition } from '../aws/services';
import { describeTaskDefinition, registerTaskDefinition } from '../aws/taskDefinitions';
import { primaryDeploymentId } from '../core/explorer/serviceView';
import { throwIfAborted } from '../core/abort';
import { taskDefinitionName } from '../core/arns';
import type { Logger, ProgressReporter } from '../core/logger';
import { diffText } from '../core/taskDefinition/normalize';
import { toRegisterInput, withImage } from '../core/taskDefinition/registerInput';
import { UserError } from '../core/userError';

/** What to deploy to a service. */
export type DeploySource =
  /** The current revision with one container's image replaced (pinned by digest, ideally). */
  | { readonly kind: 'image'; readonly container: string; readonly image: string }
  /** A task definition (e.g. a *.taskdef.json): registered as its family's next revision. */
  | { readonly kind: 'taskDefinition'; readonly input: RegisterTaskDefinitionCommandInput }
  /** An existing revision (rollback): no new revision is registered. */
  | { readonly kind: 'revision'; readonly taskDefinition: string }
  /** The same revision again: ECS replaces every task. */
  | { readonly kind: 'force' };

export interface ProposedChange {
  readonly current: TaskDefinition;
  /** Normalised JSON of both sides, for a diff view. */
  readonly currentText: string;
  readonly nextText: string;
  readonly nextLabel: string;
}

export interface DeployRequest {
  readonly cluster: string;
  readonly service: string;
  readonly source: DeploySource;
  /**
   * Asked before anything changes (the diff); false declines and nothing is changed. It gets the
   * operation's progress (to ask in) and signal (the user cancelled the whole operation).
   */
  readonly confirm?: (change: ProposedChange, ctx: { readonly signal: AbortSignal; readonly progress: ProgressReporter }) => Promise<boolean>;
}

export interface DeployResult {
  /** The task definition the service now uses. */
  readonly taskDefinitionArn: string;
  /** The deployment to watch. */
  readonly deploymentId: string;
  readonly registered: boolean;
  readonly startedAt: Date;
  readonly service: Service;
}

export interface FlowContext {
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
}

function startedDeploymentId(s: Service): string {
  const id = primaryDeploymentId(s);
  if (!id) throw new Error(`ECS reported no deployment for ${s.serviceName}`);
  return id;
}

/**
 * Registers (when needed) and starts a deployment. Cancellation is honoured until the first change;
 * once a revision is registered, the service update always follows, so nothing is left half-done.
 * Undefined only when `req.confirm` declined.
 */
export function deployService(ecs: ECSClient, req: DeployRequest & { confirm?: undefined }, ctx: FlowContext): Promise<DeployResult>;
export function deployService(ecs: ECSClient, req: DeployRequest, ctx: FlowContext): Promise<DeployResult | undefined>;
export async function deployService(ecs: ECSClient, req: DeployRequest, ctx: FlowContext): Promise<DeployResult | undefined> {
  const { log, progress, signal } = ctx;
  progress.report({ message: `Reading ${req.service}` });
  const service = await describeService(ecs, req.cluster, req.service, signal);
  if (!service || service.status === 'INACTIVE') throw new UserError(`Service ${req.service} was not found in cluster ${req.cluster}`);
  const currentArn = service.taskDefinition ?? '';

  if (req.source.kind === 'force') {
    throwIfAborted(signal);
    progress.report({ message: `Forcing a new deployment of ${req.service}` });
    // The rollout clock starts when the service changes, not before a confirmation.
    const startedAt = new Date();
    const updated = await forceNewDeployment(ecs, req.cluster, req.service);
    if (!updated) throw new Error(`UpdateService returned no service for ${req.service}`);
    log.info(`Forced a new deployment of ${req.cluster}/${req.service} with ${taskDefinitionName(currentArn)}`);
    return { taskDefinitionArn: updated.taskDefinition ?? currentArn, deploymentId: startedDeploymentId(updated), registered: false, startedAt, service: updated };
  }

  const current = await describeTaskDefinition(ecs, currentArn, signal);
  let next: RegisterTaskDefinitionCommandInput | TaskDefinition;
  let nextLabel: string;
  if (req.source.kind === 'image') {
    next = withImage(toRegisterInput(current), req.source.container, req.source.image);
    nextLabel = `${current.family}: new revision (${req.source.container} = ${req.source.image})`;
  } else if (req.source.kind === 'taskDefinition') {
    next = toRegisterInput(req.source.input);
    if (!next.family) throw new UserError('The task definition has no "family"');
    if (next.family !== current.family) log.warn(`The service moves from family ${current.family} to ${next.family}`);
    nextLabel = `${next.family}: new revision`;
  } else {
    next = await describeTaskDefinition(ecs, req.source.taskDefinition, signal);
    nextLabel = taskDefinitionName(next.taskDefinitionArn);
  }

  const change: ProposedChange = { current, currentText: diffText(current), nextText: diffText(next), nextLabel };
  if (change.currentText === change.nextText && req.source.kind !== 'revision') {
    throw new UserError(`Nothing to deploy: the new definition equals ${taskDefinitionName(currentArn)}. Use Force New Deployment to restart the tasks.`);
  }
  if (req.confirm) {
    if (!(await req.confirm(change, { signal, progress }))) return undefined;
  }
  throwIfAborted(signal);

  let target = 'taskDefinitionArn' in next && next.taskDefinitionArn && req.source.kind === 'revision' ? next.taskDefinitionArn : undefined;
  let registered = false;
  if (!target) {
    progress.report({ message: `Registering a new revision of ${next.family}` });
    // From here on no signal: a registered revision is always followed by the service update.
    const td = await registerTaskDefinition(ecs, toRegisterInput(next));
    target = td.taskDefinitionArn!;
    registered = true;
    log.info(`Registered ${taskDefinitionName(target)}`);
  }
  progress.report({ message: `Updating ${req.service} to ${taskDefinitionName(target)}` });
  // The rollout clock starts here: time spent reading the diff is not rollout time.
  const startedAt = new Date();
  const updated = await updateServiceTaskDefinition(ecs, req.cluster, req.service, target);
  log.info(`Updated ${req.cluster}/${req.service} to ${taskDefinitionName(target)}`);
  return { taskDefinitionArn: updated.taskDefinition ?? target, deploymentId: startedDeploymentId(updated), registered, startedAt, service: updated };
}
