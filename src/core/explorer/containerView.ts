import type { Container, Task } from '@aws-sdk/client-ecs';
import { parseImageRef } from '../imageRef';
import { md } from './markdown';
import { ICONS, type IconSpec, type RowView } from './rowView';
import { contextValue } from './contextValues';

/**
 * "repo:tag" without the registry host, or "repo@sha256:1234abcd" (12 hex) for digests:
 * enough to tell images apart in a narrow row.
 */
export function shortImage(image: string | undefined): string {
  if (!image) return '';
  const ref = parseImageRef(image);
  const named = ref.tag ? `${ref.repository}:${ref.tag}` : ref.repository;
  const short = named.length > 40 && named.includes('/') ? named.slice(named.lastIndexOf('/') + 1) : named;
  return ref.digest ? `${short}@${ref.digest.slice(0, 'sha256:'.length + 12)}` : short;
}

/** A container not running (yet) inside a task that runs: waiting, not starting with the task. */
function lagsItsTask(c: Container, task?: Task): boolean {
  return task?.lastStatus === 'RUNNING' && c.lastStatus !== 'RUNNING' && c.lastStatus !== 'STOPPED';
}

function containerIcon(c: Container, task?: Task): IconSpec {
  if (c.lastStatus === 'STOPPED') return c.exitCode === 0 ? ICONS.stopped : ICONS.failing;
  if (c.lastStatus === 'RUNNING') return c.healthStatus === 'UNHEALTHY' ? ICONS.failing : ICONS.healthy;
  return lagsItsTask(c, task) ? ICONS.degraded : ICONS.pending;
}

/**
 * A container's row. `task`: the task it belongs to — a container still PENDING in a RUNNING task
 * is a warning (waiting on a dependency, or an API lagging), not a spinner that reads as starting.
 */
export function containerView(c: Container, task?: Task): RowView {
  const status = c.lastStatus ?? 'UNKNOWN';
  const desc = [shortImage(c.image), lagsItsTask(c, task) ? `${status} in a RUNNING task` : status];
  // Health is only meaningful for a running container: "PENDING · HEALTHY" contradicts itself.
  if (c.healthStatus && c.healthStatus !== 'UNKNOWN' && c.lastStatus === 'RUNNING') desc.push(c.healthStatus);
  if (c.lastStatus === 'STOPPED') {
    if (c.exitCode !== undefined) desc.push(`exit ${c.exitCode}`);
    if (c.reason) desc.push(c.reason);
  }
  const lines = [
    `**${md(c.name)}**`,
    '',
    `Image: ${md(c.image)}  `,
    c.imageDigest ? `Digest: ${md(c.imageDigest)}  ` : '',
    `Status: ${c.lastStatus ?? 'UNKNOWN'}${c.healthStatus ? ` · health ${c.healthStatus}` : ''}  `,
    c.exitCode !== undefined ? `Exit code: ${c.exitCode}  ` : '',
    c.reason ? `Reason: ${md(c.reason)}  ` : '',
  ].filter(Boolean);
  return {
    label: c.name ?? '',
    description: desc.filter(Boolean).join(' · '),
    tooltip: lines.join('\n'),
    icon: containerIcon(c, task),
    contextValue: contextValue.container(c.lastStatus ?? 'UNKNOWN'),
  };
}
