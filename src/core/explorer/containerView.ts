import type { Container } from '@aws-sdk/client-ecs';
import { parseImageRef } from '../imageRef';
import { ICONS, md, type IconSpec, type RowView } from './icon';

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

function containerIcon(c: Container): IconSpec {
  if (c.lastStatus === 'STOPPED') return c.exitCode === 0 ? ICONS.stopped : ICONS.failing;
  if (c.lastStatus === 'RUNNING') return c.healthStatus === 'UNHEALTHY' ? ICONS.failing : ICONS.healthy;
  return ICONS.pending;
}

export function containerView(c: Container): RowView {
  const desc = [shortImage(c.image), c.lastStatus ?? 'UNKNOWN'];
  if (c.healthStatus && c.healthStatus !== 'UNKNOWN') desc.push(c.healthStatus);
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
    icon: containerIcon(c),
    contextValue: `ecs.container.${c.lastStatus ?? 'UNKNOWN'}`,
  };
}
