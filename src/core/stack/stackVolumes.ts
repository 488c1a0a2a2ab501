import type { DiagnosticBag, SourcePos } from '../compose/diagnostics';
import { get, text } from '../compose/node';
import type { RenderDetails } from '../compose/renderTask';
import { databaseOf, volumeOwner, type VolumeOwner } from './databases';
import type { MergedLaunch } from './mergedLaunch';
import { pascalId } from './names';

export type VolumeKind = { kind: 'efs'; logicalId: string } | { kind: 'existing'; fileSystemId: string } | { kind: 'ephemeral' };

/** A named volume in use, where its data lives, and who mounts it. */
export interface VolumeInfo {
  readonly volume: string;
  readonly firstUse: SourcePos;
  kind: VolumeKind;
  /** Services that mount it, and whether they write it. */
  readonly users: Array<{ service: string; writes: boolean; pos: SourcePos }>;
}

/** Each named volume in use: a new EFS file system, one x-ecs.efs names, or task storage (--ephemeral). */
export function classifyVolumes(details: RenderDetails, launch: MergedLaunch, efs: ReturnType<typeof get>, diags: DiagnosticBag): VolumeInfo[] {
  const byName = new Map<string, VolumeInfo>();
  for (const [service, r] of details.services) {
    r.volumes.forEach((use, i) => {
      const writes = !(r.container.mountPoints?.[i]?.readOnly ?? false);
      const info = byName.get(use.volume) ?? { volume: use.volume, firstUse: use.pos, kind: { kind: 'ephemeral' }, users: [] };
      info.users.push({ service, writes, pos: use.pos });
      byName.set(use.volume, info);
    });
  }
  const ephemeral = new Set(launch.options.ephemeral ?? []);
  for (const name of ephemeral) {
    if (!byName.has(name)) {
      const inUse = [...byName.keys()];
      launch.error(['ephemeral'], `${launch.label('ephemeral')} names volume "${name}", which no service mounts (${inUse.length ? `volumes in use: ${inUse.join(', ')}` : 'no named volume is in use'})`);
    }
  }
  const ids = new Set<string>();
  for (const v of byName.values()) {
    const fsId = text(get(get(efs, v.volume), 'fileSystemId'));
    if (fsId && ephemeral.has(v.volume)) {
      launch.error(['ephemeral'], `volume "${v.volume}" is both on EFS (x-ecs efs names ${fsId}) and ${launch.label('ephemeral')}: choose one`, v.firstUse);
    }
    if (fsId) {
      v.kind = { kind: 'existing', fileSystemId: fsId };
      diags.warn(get(get(efs, v.volume), 'fileSystemId')!.pos, `the stack uses ${fsId} as it is: its mount targets must be in the app's two subnets and let in NFS (port 2049) from the tasks' security group (stack output TaskSecurityGroupId)`, 'existing-efs');
    } else if (ephemeral.has(v.volume)) {
      v.kind = { kind: 'ephemeral' };
      diags.warn(v.firstUse, `named volume ${v.volume} stays on the task's own storage (${launch.label('ephemeral')}): its data is lost whenever the task stops or is replaced`, 'ephemeral-volume', { volume: v.volume });
    } else {
      let id = `Efs${pascalId(v.volume)}`;
      for (let n = 2; ids.has(id); n++) id = `Efs${pascalId(v.volume)}${n}`;
      ids.add(id);
      v.kind = { kind: 'efs', logicalId: id };
      const owner = ownerOf(v, details);
      diags.info(
        v.firstUse,
        `named volume ${v.volume} → an encrypted EFS file system of the stack (${id}), kept when the app is deleted; ${owner ? `its directory belongs to uid ${owner.uid} (${owner.because})` : 'its directory belongs to root: if the container writes as another user, set "user: UID:GID" on the service'}`,
        'efs-volume',
        { volume: v.volume },
      );
    }
  }
  return [...byName.values()];
}

/** The user the volume's writer runs as: a database's first, else the first writer's. */
export function ownerOf(v: VolumeInfo, details: RenderDetails): VolumeOwner | undefined {
  const writers = v.users.filter((u) => u.writes).map((u) => details.services.get(u.service)!);
  const writer = writers.find((w) => databaseOf(w.container.image)) ?? writers[0];
  return writer ? volumeOwner(writer.container.image, writer.container.user) : undefined;
}
