import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contextFilter, readDockerignore } from './buildContext';

export interface ContextFingerprint {
  /** sha256 over the path, type, mode, size, inode, mtime and ctime of everything the build would send. */
  readonly digest: string;
  readonly entries: number;
  /**
   * True when something changed so recently (within the file system's clock granularity) that a
   * later change could keep the same times: such a fingerprint must not be trusted later.
   */
  readonly racy: boolean;
}

/**
 * Changes closer than this to the fingerprint's own time make it racy: a file system that keeps
 * sub-second times still moves them in clock ticks (a few ms); one that keeps whole seconds
 * (FAT keeps 2 s, HFS+ 1 s) gets the long window.
 */
const RACY_WINDOW_MS = { fine: 100, coarse: 2000 };

/**
 * Fingerprints the build context by file metadata, like git's index: what `.dockerignore`
 * excludes is left out exactly as the tar of buildContext leaves it out, so a change to any file
 * the build would see changes the digest. Taken before the tar is read, so a file changed while
 * the build runs only makes the next fingerprint differ (a rebuild), never the reverse.
 */
export function fingerprintContext(contextDir: string, dockerfilePath: string, now = Date.now()): ContextFingerprint {
  const root = path.resolve(contextDir);
  const dockerfile = path.relative(root, path.resolve(dockerfilePath)).split(path.sep).join('/');
  const filter = contextFilter(readDockerignore(root), dockerfile);
  const hash = crypto.createHash('sha256');
  let entries = 0;
  let newest = 0;
  let coarse = true;
  const visit = (dirAbs: string, dirRel: string) => {
    for (const name of fs.readdirSync(dirAbs).sort()) {
      const abs = path.join(dirAbs, name);
      const rel = dirRel ? `${dirRel}/${name}` : name;
      const st = fs.lstatSync(abs, { throwIfNoEntry: false });
      if (!st || filter(rel, () => st.isDirectory()) === 'skip') continue;
      entries++;
      newest = Math.max(newest, st.mtimeMs, st.ctimeMs);
      if (st.mtimeMs % 1000 !== 0) coarse = false;
      hash.update(`${rel}\0${st.mode}\0${st.size}\0${st.ino}\0${st.mtimeMs}\0${st.ctimeMs}\n`);
      if (st.isDirectory()) visit(abs, rel);
    }
  };
  visit(root, '');
  const window = coarse ? RACY_WINDOW_MS.coarse : RACY_WINDOW_MS.fine;
  return { digest: hash.digest('hex'), entries, racy: newest >= now - window };
}
