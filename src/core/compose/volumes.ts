import * as path from 'node:path';
import type { MountPoint } from '@aws-sdk/client-ecs';
import type { SourcePos } from './diagnostics';
import { rewriteHosts } from './hosts';
import { bool, get, isMap, isSeq, text, type CNode } from './node';
import { baseDirFor, type ServiceContext } from './renderContext';

export interface VolumeUse {
  /** Compose name of the named volume. */
  readonly volume: string;
  readonly pos: SourcePos;
}

interface VolumeSpec {
  type: string;
  source?: string;
  target?: string;
  readOnly: boolean;
}

/** ECS volume names allow letters, digits, "-" and "_". */
export const ecsVolumeName = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);

/**
 * `volumes` and `tmpfs` of one service: named volumes become mountPoints (the task volume is
 * added by the caller); bind mounts, tmpfs and anonymous volumes are dropped with a warning.
 */
export function renderMounts(ctx: ServiceContext): { mountPoints: MountPoint[]; uses: VolumeUse[] } {
  const mountPoints: MountPoint[] = [];
  const uses: VolumeUse[] = [];
  const node = get(ctx.svc, 'volumes');
  if (node && !isSeq(node)) ctx.diags.error(node.pos, '"volumes" of a service must be a list', 'volumes');
  for (const item of isSeq(node) ? node.items : []) {
    const spec = parseVolume(item);
    if (!spec || !spec.target) {
      ctx.diags.error(item.pos, 'a volume needs a container path: "SOURCE:TARGET[:ro]" or {type, source, target}', 'volumes');
      continue;
    }
    if (spec.type === 'bind') {
      ctx.diags.warn(
        item.pos,
        `bind mount ${spec.source} → ${spec.target} is dropped: a Fargate task has no host folder to mount; bake the files into the image (COPY in the Dockerfile) or use a named volume on EFS`,
        'bind-mount',
        { service: ctx.name },
      );
      scanBoundFile(spec.source ?? '', item.pos, ctx);
    } else if (spec.type === 'tmpfs') {
      ctx.diags.warn(item.pos, `tmpfs ${spec.target} is dropped: Fargate has no tmpfs mounts; write to the container's own file system instead`, 'tmpfs', { service: ctx.name });
    } else if (spec.type === 'volume' && !spec.source) {
      ctx.diags.info(item.pos, `anonymous volume ${spec.target} is dropped: the container's own file system holds the same data`, 'anonymous-volume');
    } else if (spec.type === 'volume') {
      const declared = get(ctx.project.root, 'volumes');
      if (!isMap(declared) || !declared.entries.has(spec.source!)) {
        ctx.diags.error(item.pos, `service "${ctx.name}" uses volume "${spec.source}", which is not declared under the top-level "volumes:"`, 'undeclared-volume');
        continue;
      }
      mountPoints.push({ sourceVolume: ecsVolumeName(spec.source!), containerPath: spec.target, readOnly: spec.readOnly });
      uses.push({ volume: spec.source!, pos: item.pos });
    } else {
      ctx.diags.warn(item.pos, `volume type "${spec.type}" is not supported on ECS: it is dropped`, 'volumes');
    }
  }
  const tmpfs = get(ctx.svc, 'tmpfs');
  if (tmpfs) {
    ctx.diags.warn(tmpfs.pos, `tmpfs is dropped: Fargate has no tmpfs mounts; write to the container's own file system instead`, 'tmpfs', { service: ctx.name });
  }
  return { mountPoints, uses };
}

function parseVolume(item: CNode): VolumeSpec | undefined {
  if (isMap(item)) {
    return {
      type: text(get(item, 'type')) ?? 'volume',
      source: text(get(item, 'source')),
      target: text(get(item, 'target')),
      readOnly: bool(get(item, 'read_only')) ?? false,
    };
  }
  const raw = text(item);
  if (!raw) return undefined;
  // "SOURCE:TARGET[:MODE]" or "TARGET"; Windows drive letters are not a concern inside containers.
  const parts = raw.split(':');
  if (parts.length === 1) return { type: 'volume', target: parts[0], readOnly: false };
  const [source, target, mode = ''] = parts;
  const isPath = /^[./~]/.test(source) || source.includes('/');
  return { type: isPath ? 'bind' : 'volume', source, target, readOnly: mode.split(',').includes('ro') };
}

/** A bind-mounted config file (nginx.conf…) may name other services; those names cannot be rewritten. */
function scanBoundFile(source: string, at: SourcePos, ctx: ServiceContext): void {
  if (!source || source.startsWith('~')) return;
  const file = path.resolve(baseDirFor(ctx, at.file), source);
  const content = ctx.readFile(file);
  if (content === undefined || content.length > 1_000_000) return;
  content.split(/\r?\n/).forEach((line, i) => {
    if (rewriteHosts(line, ctx.hosts).changed) {
      ctx.diags.warn(
        { file, line: i + 1, col: 1 },
        `"${line.trim().slice(0, 80)}" refers to another service by name; inside one task it must be localhost, and this file is bind-mounted (dropped): change it and bake it into the image`,
        'host-in-file',
      );
    }
  });
}
