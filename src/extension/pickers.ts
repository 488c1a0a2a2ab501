import * as vscode from 'vscode';
import { listClusters } from '../aws/clusters';
import { listAllServices } from '../aws/services';
import { listClusterTasks } from '../aws/tasks';
import { shortTaskId } from '../core/arns';
import { serviceOfTask } from '../core/explorer/taskGroups';
import { taskStatusText } from '../core/explorer/taskView';
import { UserError } from '../core/userError';
import type { ConnectionState } from './connectionState';
import { refOf, type ResourceRef } from './resourceRef';
import { abortError } from '../core/abort';

type Kind = ResourceRef['kind'];
type RefOf<K extends Kind> = Extract<ResourceRef, { kind: K }>;

async function pick<T extends vscode.QuickPickItem>(items: T[], title: string, empty: string): Promise<T> {
  if (items.length === 0) throw new UserError(empty);
  const chosen = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  if (!chosen) throw abortError('cancelled');
  return chosen;
}

export async function pickCluster(state: ConnectionState, signal: AbortSignal): Promise<RefOf<'cluster'>> {
  const { clients, connection } = await state.get();
  const clusters = await listClusters(clients.ecs, signal);
  const item = await pick(
    clusters.map((c) => ({ label: c.name, description: `${c.activeServices} services · ${c.runningTasks} running tasks`, c })),
    'Select Cluster',
    `No clusters in ${connection.region}`,
  );
  return { kind: 'cluster', cluster: item.c.name, arn: item.c.arn };
}

export async function pickService(state: ConnectionState, signal: AbortSignal, cluster?: string): Promise<RefOf<'service'>> {
  const clusterName = cluster ?? (await pickCluster(state, signal)).cluster;
  const { clients } = await state.get();
  const services = await listAllServices(clients.ecs, clusterName, signal);
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

/**
 * The resource a command acts on: the node it was invoked on when that is one of `kinds`,
 * else chosen with pickers (palette), starting from the first kind listed.
 */
export async function resolveRef<K extends Kind>(arg: unknown, kinds: readonly K[], state: ConnectionState, signal: AbortSignal): Promise<RefOf<K>> {
  const ref = refOf(arg);
  if (ref && (kinds as readonly Kind[]).includes(ref.kind)) return ref as RefOf<K>;
  const cluster = ref?.cluster;
  switch (kinds[0]) {
    case 'cluster':
      return (await pickCluster(state, signal)) as RefOf<K>;
    case 'service':
      return (await pickService(state, signal, cluster)) as RefOf<K>;
    case 'task':
      return (await pickTask(state, signal, cluster)) as RefOf<K>;
    default:
      throw new UserError('Run this command from a container in the ECS view');
  }
}
