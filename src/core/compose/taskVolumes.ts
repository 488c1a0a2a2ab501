import type { Volume } from '@aws-sdk/client-ecs';
import type { DiagnosticBag } from './diagnostics';
import { bool, get, text } from './node';
import type { RenderedService } from './renderService';
import { ecsVolumeName } from './volumes';

/** The task's volumes: one per named volume in use, on EFS when `x-ecs.efs` names a file system. */
export function taskVolumes(rendered: Map<string, RenderedService>, efs: ReturnType<typeof get>, launchType: string, diags: DiagnosticBag): Volume[] {
  const out = new Map<string, Volume>();
  for (const r of rendered.values()) {
    for (const use of r.volumes) {
      if (out.has(use.volume)) continue;
      const v: Volume = { name: ecsVolumeName(use.volume) };
      const cfg = get(efs, use.volume);
      const fsId = text(get(cfg, 'fileSystemId'));
      if (fsId) {
        v.efsVolumeConfiguration = { fileSystemId: fsId };
        const root = text(get(cfg, 'rootDirectory'));
        if (root) v.efsVolumeConfiguration.rootDirectory = root;
        const ap = text(get(cfg, 'accessPointId'));
        if (ap || bool(get(cfg, 'transitEncryption'))) v.efsVolumeConfiguration.transitEncryption = 'ENABLED';
        if (ap) v.efsVolumeConfiguration.authorizationConfig = { accessPointId: ap, iam: 'ENABLED' };
        diags.info(use.pos, `named volume ${use.volume} → EFS file system ${fsId}`, 'named-volume');
      } else {
        diags.warn(
          use.pos,
          `named volume ${use.volume} becomes ${launchType === 'FARGATE' ? 'Fargate task storage, which is lost when the task stops' : 'a Docker volume on the instance'}: to keep the data, attach EFS with "x-ecs: {efs: {${use.volume}: {fileSystemId: fs-…}}}" at the top level`,
          'named-volume',
          { volume: use.volume },
        );
      }
      out.set(use.volume, v);
    }
  }
  return [...out.values()];
}
