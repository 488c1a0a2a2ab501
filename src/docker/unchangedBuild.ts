import type Docker from 'dockerode';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildInputsOf } from '../core/image/buildInputs';
import type { BuildRecords } from './buildRecords';
import { fingerprintContext } from './contextFingerprint';

export interface BuildRequestInputs {
  readonly dockerfile: string;
  readonly contextDir: string;
  readonly platform: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
}

export type UnchangedCheck =
  /** The build must run; `inputs` (when known) is recorded after it succeeds. */
  | { readonly kind: 'build'; readonly inputs?: string; readonly why: string }
  /** Nothing the build reads has changed since it made `imageId`, which the engine still has. */
  | { readonly kind: 'unchanged'; readonly inputs: string; readonly imageId: string; readonly contextBytes: number };

const imageIdOf = (docker: Docker, name: string) =>
  docker
    .getImage(name)
    .inspect()
    .then((i) => i.Id as string, () => undefined);

/**
 * Decides whether a classic-builder build would only replay its cache: same context files (by
 * metadata), same Dockerfile, options and base image IDs as the recorded build whose image the
 * engine still holds. Then the build — sending the whole context — can be skipped.
 */
export async function checkUnchangedBuild(docker: Docker, records: BuildRecords, req: BuildRequestInputs, now = Date.now()): Promise<UnchangedCheck> {
  let text: string;
  try {
    text = fs.readFileSync(req.dockerfile, 'utf8');
  } catch {
    return { kind: 'build', why: 'the Dockerfile cannot be read' };
  }
  const inputs = buildInputsOf(text, req.buildArgs);
  if ('unsure' in inputs) return { kind: 'build', why: inputs.unsure };
  const ids = await Promise.all(inputs.images.map((name) => imageIdOf(docker, name)));
  const absent = inputs.images.find((_, i) => !ids[i]);
  if (absent) return { kind: 'build', why: `the engine does not have ${absent} yet` };
  const context = fingerprintContext(req.contextDir, req.dockerfile, now);
  const digest = crypto
    .createHash('sha256')
    .update(
      JSON.stringify({
        v: 1,
        dockerfile: path.relative(path.resolve(req.contextDir), path.resolve(req.dockerfile)),
        text,
        platform: req.platform,
        target: req.target ?? '',
        buildArgs: Object.entries(req.buildArgs ?? {}).sort(([a], [b]) => a.localeCompare(b)),
        images: inputs.images.map((name, i) => [name, ids[i]]),
        context: context.digest,
      }),
    )
    .digest('hex');
  // A context touched within the file systems' time granularity is not recorded: a change in the
  // same tick would look unchanged later.
  const recordable = context.racy ? undefined : digest;
  const record = records.get(req.dockerfile, req.contextDir);
  if (!record) return { kind: 'build', inputs: recordable, why: 'no earlier build is recorded' };
  if (record.inputs !== digest) return { kind: 'build', inputs: recordable, why: 'the context, Dockerfile, options or base images changed' };
  if (!(await imageIdOf(docker, record.imageId))) return { kind: 'build', inputs: recordable, why: `the engine no longer has ${record.imageId}` };
  return { kind: 'unchanged', inputs: digest, imageId: record.imageId, contextBytes: record.contextBytes };
}
