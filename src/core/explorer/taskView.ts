import type { Task } from '@aws-sdk/client-ecs';
import { revisionOf, shortTaskId, taskDefinitionName } from '../arns';
import { md } from './markdown';
import { ICONS, type IconSpec, type RowView } from './rowView';
import { timeAgo } from './timeAgo';
import { contextValue } from './contextValues';

/** The task's private IPv4 address: from its ENI attachment (awsvpc) or a container's interface. */
export function privateIpOf(t: Task): string | undefined {
  for (const a of t.attachments ?? []) {
    const ip = a.details?.find((d) => d.name === 'privateIPv4Address')?.value;
    if (ip) return ip;
  }
  return t.containers?.flatMap((c) => c.networkInterfaces ?? []).find((n) => n.privateIpv4Address)?.privateIpv4Address;
}

/** A stopped task whose essential container failed (non-zero exit or no exit at all) looks failed. */
export function taskFailed(t: Task): boolean {
  if (t.lastStatus !== 'STOPPED') return false;
  if (t.stopCode === 'EssentialContainerExited' || t.stopCode === 'TaskFailedToStart') return true;
  return (t.containers ?? []).some((c) => c.exitCode !== undefined && c.exitCode !== 0);
}

function taskIcon(t: Task): IconSpec {
  if (t.lastStatus === 'STOPPED') return taskFailed(t) ? ICONS.failing : ICONS.stopped;
  if (t.lastStatus === 'RUNNING') {
    if (t.healthStatus === 'UNHEALTHY') return ICONS.failing;
    return t.desiredStatus === 'STOPPED' ? ICONS.degraded : ICONS.healthy;
  }
  return ICONS.pending;
}

export function taskStatusText(t: Task): string {
  const last = t.lastStatus ?? 'UNKNOWN';
  return t.desiredStatus && t.desiredStatus !== last ? `${last} → ${t.desiredStatus}` : last;
}

export function taskView(t: Task, now: Date): RowView {
  const rev = revisionOf(t.taskDefinitionArn);
  const ip = privateIpOf(t);
  const started = t.startedAt ?? t.createdAt;
  const desc = [taskStatusText(t)];
  if (t.healthStatus && t.healthStatus !== 'UNKNOWN') desc.push(t.healthStatus);
  if (rev !== undefined) desc.push(`rev ${rev}`);
  if (t.lastStatus === 'STOPPED') {
    if (t.stoppedReason) desc.push(t.stoppedReason);
  } else if (started) {
    desc.push(timeAgo(started, now));
  }
  if (ip && t.lastStatus !== 'STOPPED') desc.push(ip);
  const lines = [
    `**Task ${md(shortTaskId(t.taskArn))}**`,
    '',
    `Status: ${taskStatusText(t)}${t.healthStatus ? ` · health ${t.healthStatus}` : ''}  `,
    `Task definition: ${md(taskDefinitionName(t.taskDefinitionArn))}  `,
    `Started by: ${md(t.startedBy ?? t.group ?? 'unknown')}  `,
  ];
  if (started) lines.push(`Started: ${started.toISOString()} (${timeAgo(started, now)})  `);
  if (ip) lines.push(`Private IP: ${ip}  `);
  if (t.stoppedReason) lines.push(`Stopped: ${md(t.stoppedReason)}${t.stopCode ? ` (${t.stopCode})` : ''}  `);
  lines.push('', md(t.taskArn));
  const status = t.lastStatus ?? 'UNKNOWN';
  return {
    label: shortTaskId(t.taskArn),
    description: desc.join(' · '),
    tooltip: lines.join('\n'),
    icon: taskIcon(t),
    contextValue: contextValue.task(status),
  };
}
