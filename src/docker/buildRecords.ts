import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a successful build of one Dockerfile produced, and from what. */
export interface BuildRecord {
  /** Digest of every input: context fingerprint, Dockerfile, options, base image IDs. */
  readonly inputs: string;
  readonly imageId: string;
  readonly contextBytes: number;
}

/** Where build records are kept: one per Dockerfile (and context). */
export interface BuildRecords {
  get(dockerfile: string, contextDir: string): BuildRecord | undefined;
  put(dockerfile: string, contextDir: string, record: BuildRecord): void;
}

const slot = (dockerfile: string, contextDir: string) =>
  crypto.createHash('sha256').update(`${path.resolve(dockerfile)}\0${path.resolve(contextDir)}`).digest('hex').slice(0, 32);

/**
 * Build records as small JSON files in a folder of the user's cache. A record that cannot be read
 * is as good as none (the build runs); one that cannot be written only costs the next run a build.
 */
export function fileBuildRecords(dir: string): BuildRecords {
  return {
    get(dockerfile, contextDir) {
      try {
        const r = JSON.parse(fs.readFileSync(path.join(dir, `${slot(dockerfile, contextDir)}.json`), 'utf8')) as Partial<BuildRecord>;
        return typeof r.inputs === 'string' && typeof r.imageId === 'string' ? { inputs: r.inputs, imageId: r.imageId, contextBytes: Number(r.contextBytes) || 0 } : undefined;
      } catch {
        return undefined;
      }
    },
    put(dockerfile, contextDir, record) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${slot(dockerfile, contextDir)}.json`);
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, JSON.stringify(record));
        fs.renameSync(temp, file); // readers see the old record or the new one, never half
      } catch {
        /* a cache that cannot be written is not an error */
      }
    },
  };
}
