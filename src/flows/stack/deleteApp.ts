import type { StackEvent, StackResourceSummary } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '../../aws/clients';
import { deleteFileSystem, mountTargetCount } from '../../aws/fileSystems';
import { deleteParameters, parameterNamesUnder } from '../../aws/parameters';
import { describeStack, listStackResources } from '../../aws/stacks';
import { throwIfAborted } from '../../core/abort';
import { appOfStack } from '../../core/stack/cfn';
import { resourceWords } from '../../core/stack/resourceWords';
import { UserError } from '../../core/userError';
import type { FlowContext } from '../deployService';
import { sleep } from '../sleep';
import { deleteAndWait } from './followStack';
import { plural } from '../../core/plural';

export interface DeleteAppRequest {
  readonly stackName: string;
  /** Also delete the EFS file systems the stack kept (the app's data). */
  readonly deleteData: boolean;
  readonly timeoutMs: number;
  /** Shown what goes and what stays; false deletes nothing. */
  readonly confirm?: (plan: DeletePlan) => Promise<boolean>;
}

export interface DeletePlan {
  readonly stackName: string;
  readonly cluster?: string;
  readonly service?: string;
  /** Resources the stack deletes. */
  readonly deleted: readonly StackResourceSummary[];
  /** EFS file systems kept (DeletionPolicy Retain), unless deleteData. */
  readonly fileSystems: readonly string[];
  /** A cluster the stack made is kept: other services may use it, and an empty one costs nothing. */
  readonly keptCluster?: string;
  readonly deleteData: boolean;
}

/** What a delete removes and what it keeps, in words, for both faces' confirmations. */
export function deletePlanWords(p: DeletePlan): { deleted: string[]; kept: string[] } {
  const data = p.fileSystems.map((fs) => `EFS file system ${fs} (the app's data${p.deleteData ? ', gone for good' : ''})`);
  return {
    deleted: [...p.deleted.map((r) => `${resourceWords(r.ResourceType)} ${r.LogicalResourceId}`), ...(p.deleteData ? data : [])],
    kept: [
      ...(p.deleteData ? [] : data),
      ...(p.keptCluster ? [`cluster ${p.keptCluster} (other services may use it; an empty cluster costs nothing)`] : []),
      'the images in ECR',
    ],
  };
}

export interface DeleteAppDeps extends FlowContext {
  readonly clients: AwsClients;
  readonly onStackEvent?: (e: StackEvent) => void;
}

export type DeleteAppResult =
  | { readonly outcome: 'declined'; readonly plan: DeletePlan }
  /** Cancelled or timed out while following: CloudFormation goes on deleting. */
  | { readonly outcome: 'stopped-watching' | 'timeout'; readonly plan: DeletePlan; readonly message: string }
  | { readonly outcome: 'deleted'; readonly plan: DeletePlan; readonly keptFileSystems: readonly string[]; readonly deletedFileSystems: readonly string[]; readonly deletedParameters: readonly string[] };

/**
 * `ecs-deploy down` / Delete App: deletes the app's stack and follows it; the data's file
 * systems and a cluster the stack made are kept (and named), ECR images always. With
 * deleteData the file systems go too, once their mount targets are gone.
 */
export async function deleteApp(req: DeleteAppRequest, deps: DeleteAppDeps): Promise<DeleteAppResult> {
  const { clients, log, progress, signal } = deps;
  progress.report({ message: `Looking up stack ${req.stackName}` });
  const stack = await describeStack(clients.cloudFormation, req.stackName, signal);
  if (!stack) throw new UserError(`There is no app stack ${req.stackName} in ${clients.connection.region}: check the service and cluster names (and the region)`);
  if (/_IN_PROGRESS$/.test(stack.StackStatus ?? '') && stack.StackStatus !== 'REVIEW_IN_PROGRESS') {
    throw new UserError(`Stack ${req.stackName} is busy (${stack.StackStatus}): wait until it ends, then delete it`);
  }
  const resources = await listStackResources(clients.cloudFormation, req.stackName, signal);
  const app = appOfStack(stack.Tags);
  const fileSystems = resources.filter((r) => r.ResourceType === 'AWS::EFS::FileSystem' && r.PhysicalResourceId).map((r) => r.PhysicalResourceId!);
  const cluster = resources.find((r) => r.ResourceType === 'AWS::ECS::Cluster' && r.PhysicalResourceId);
  const retained = new Set(['AWS::EFS::FileSystem', 'AWS::ECS::Cluster']);
  const plan: DeletePlan = {
    stackName: req.stackName,
    cluster: app?.cluster,
    service: app?.service,
    deleted: resources.filter((r) => !retained.has(r.ResourceType ?? '')),
    fileSystems,
    keptCluster: cluster?.PhysicalResourceId?.split('/').pop(),
    deleteData: req.deleteData,
  };
  if (req.confirm && !(await req.confirm(plan))) return { outcome: 'declined', plan };
  throwIfAborted(signal);

  const deleted = await deleteAndWait(deps, stack.StackId ?? req.stackName, req.timeoutMs, resources.length);
  const how = `aws cloudformation describe-stack-events --stack-name ${stack.StackId ?? req.stackName}`;
  if (deleted.phase === 'FAILED') throw new UserError(`${deleted.reason} To see the stack's events: ${how}`);
  if (deleted.phase !== 'SUCCEEDED') return { outcome: deleted.phase === 'TIMEOUT' ? 'timeout' : 'stopped-watching', plan, message: `${deleted.reason}. To see it: ${how}` };
  log.info(`Deleted stack ${req.stackName}`);

  let deletedParameters: string[] = [];
  if (app) {
    const names = await parameterNamesUnder(clients.ssm, `/ecs-deploy/${app.cluster}/${app.service}`, signal);
    if (names.length) {
      await deleteParameters(clients.ssm, names, signal);
      deletedParameters = names;
      log.info(`Deleted ${plural(names.length, 'secret parameter')} under /ecs-deploy/${app.cluster}/${app.service}`);
    }
  }

  const deletedFileSystems: string[] = [];
  if (req.deleteData) {
    for (const id of fileSystems) {
      progress.report({ message: `Deleting file system ${id}` });
      // Mount targets go with the stack, but EFS removes them asynchronously.
      for (let i = 0; i < 60 && (await mountTargetCount(clients.efs, id, signal).catch(() => 0)) > 0; i++) await sleep(5_000, signal);
      if (await deleteFileSystem(clients.efs, id, signal)) deletedFileSystems.push(id);
      log.info(`Deleted file system ${id}`);
    }
  }
  const keptFileSystems = fileSystems.filter((id) => !deletedFileSystems.includes(id));
  return { outcome: 'deleted', plan, keptFileSystems, deletedFileSystems, deletedParameters };
}
