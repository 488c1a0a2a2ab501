import * as vscode from 'vscode';
import { listClusters } from '../aws/clusters';
import { listAllServices } from '../aws/services';
import { listClusterTasks } from '../aws/tasks';
import { shortTaskId } from '../core/arns';
import { plural } from '../core/clusterSummary';
import { serviceOfTask } from '../core/explorer/taskGroups';
import { taskStatusText } from '../core/explorer/taskView';
import { EmptyRegionError, UserError } from '../core/userError';
import type { ConnectionState } from './connectionState';
import { refOf, type ResourceRef } from './resourceRef';
import { abortError } from '../core/abort';

type Kind = ResourceRef['kind'];
type RefOf<K extends Kind> = Extract<ResourceRef, { kind: K }>;

/** Where palette commands look first: the tree's selection (set at activation). */
let selection: () => readonly unknown[] = () => [];

export function useSelectionOf(view: { readonly selection: readonly unknown[] }): void {
  selection = () => view.selection;
}

/** The resource selected in the tree, if any: a palette command acts on it (or within its cluster). */
export function selectedRef(): ResourceRef | undefined {
  for (const node of selection()) {
    const ref = refOf(node);
    if (ref) return ref;
  }
  return undefined;
}

/** A choice of one is no choice: it is taken without asking. */
async function pick<T extends vscode.QuickPickItem>(items: T[], title: string, empty: string | Error): Promise<T> {
  if (items.length === 0) throw typeof empty === 'string' ? new UserError(empty) : empty;
  if (items.length === 1) return items[0];
  const chosen = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  if (!chosen) throw abortError('cancelled');
  return chosen;
}

export async function pickCluster(state: ConnectionState, signal: AbortSignal): Promise<RefOf<'cluster'>> {
  const { clients, connection } = await state.get();
  const clusters = await listClusters(clients.ecs, signal);
  const item = await pick(
    clusters.map((c) => ({ label: c.name, description: `${plural(c.activeServices, 'service')} · ${plural(c.runningTasks, 'running task')}`, c })),
    'Select Cluster',
    new EmptyRegionError(connection.region),
  );
  return { kind: 'cluster', cluster: item.c.name, arn: item.c.arn };
}

/** `preferred`: the service of a selected task, taken without asking when it is listed. */
export async function pickService(state: ConnectionState, signal: AbortSignal, cluster?: string, preferred?: string): Promise<RefOf<'service'>> {
  const clusterName = cluster ?? (await pickCluster(state, signal)).cluster;
  const { clients } = await state.get();
  const services = await listAllServices(clients.ecs, clusterName, signal);
  const known = preferred ? services.find((s) => s.serviceName === preferred) : undefined;
  if (known) return { kind: 'service', cluster: clusterName, service: known };
  const item = await pick(
    services.map((s) => ({ label: s.serviceName ?? '', description: `${s.runningCount ?? 0}/${s.desiredCount ?? 0}`, s })),
    `Select Service in ${clusterName}`,
    `No services in ${clusterName}`,
  );
  return { kind: 'service', cluster: clusterName, service: item.s };
}

export async function pickTask(state: ConnectionState, signal: AbortSignal, cluster?: string): Promise<RefOf<'task'>> {
  const clusterName = cluster ?? (await pickCluster(state, signal)).cluster;
  const { clients } = await state.get();
  const tasks = (await listClusterTasks(clients.ecs, clusterName, signal)).filter((t) => t.lastStatus !== 'STOPPED');
  const item = await pick(
    tasks.map((t) => ({ label: shortTaskId(t.taskArn), description: `${taskStatusText(t)} · ${serviceOfTask(t) ?? 'standalone'}`, t })),
    `Select Task in ${clusterName}`,
    `No running tasks in ${clusterName}`,
  );
  return { kind: 'task', cluster: clusterName, task: item.t };
}

/** The service a task or container ref belongs to, by name. */
export function serviceNameOf(ref: ResourceRef | undefined): string | undefined {
  if (ref?.kind === 'service') return ref.service.serviceName;
  return ref?.kind === 'task' || ref?.kind === 'container' ? serviceOfTask(ref.task) : undefined;
}

/**
 * The resource a command acts on: the node it was invoked on when that is one of `kinds`, else
 * the tree's selection, else chosen with pickers (palette), starting from the first kind listed
 * and within the selection's cluster; a choice of one is not asked.
 */
export async function resolveRef<K extends Kind>(arg: unknown, kinds: readonly K[], state: ConnectionState, signal: AbortSignal): Promise<RefOf<K>> {
  const ref = refOf(arg) ?? (arg === undefined ? selectedRef() : undefined);
  if (ref && (kinds as readonly Kind[]).includes(ref.kind)) return ref as RefOf<K>;
  const cluster = ref?.cluster;
  switch (kinds[0]) {
    case 'cluster':
      return (await pickCluster(state, signal)) as RefOf<K>;
    case 'service':
      return (await pickService(state, signal, cluster, serviceNameOf(ref))) as RefOf<K>;
    case 'task':
      return (await pickTask(state, signal, cluster)) as RefOf<K>;
    default:
      throw new UserError('Run this command from a container in the ECS view');
  }
}

/** A command's text argument (automation, tests), else what the user types; undefined on Escape. */
export async function textArgOrAsk(arg: unknown, ask: vscode.InputBoxOptions): Promise<string | undefined> {
  return typeof arg === 'string' ? arg : vscode.window.showInputBox(ask);
}
