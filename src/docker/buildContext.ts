import ignore from '@balena/dockerignore';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pack, type PackOptions } from 'tar-fs';

export interface BuildContext {
  /** The tar stream, read from disk as the engine takes it (never held in memory whole). */
  readonly stream: Readable;
  /** Bytes of tar handed to the engine so far. */
  bytesSent(): number;
  /** The Dockerfile's path inside the context, with "/" separators, as the build API wants it. */
  readonly dockerfile: string;
}

/** .dockerignore patterns as the docker CLI reads them: one per line, "#" comments, blanks skipped. */
export function readDockerignore(contextDir: string): string[] {
  const file = path.join(contextDir, '.dockerignore');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * A filter that keeps what `docker build` sends: the patterns of .dockerignore, except that the
 * Dockerfile and .dockerignore themselves are always sent (the CLI adds "!" rules for them).
 */
export function contextFilter(
  patterns: readonly string[],
  dockerfile: string,
): (relPath: string, isDir: () => boolean) => 'keep' | 'skip' | 'descend' {
  const ig = ignore().add([...patterns]);
  const exceptions = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/^\/+/, ''));
  const always = new Set(['.dockerignore', dockerfile]);
  return (rel, isDir) => {
    if (always.has(rel) || !ig.ignores(rel)) return 'keep';
    if (!isDir()) return 'skip';
    // Like the CLI's walk: an excluded directory is still entered when an exception may match inside it.
    return exceptions.some((p) => `${p}/`.startsWith(`${rel}/`)) ? 'descend' : 'skip';
  };
}

/** Streams the context folder as a tar, honouring .dockerignore exactly as the docker CLI does. */
export function createBuildContext(contextDir: string, dockerfilePath: string): BuildContext {
  const root = path.resolve(contextDir);
  const rel = path.relative(root, path.resolve(dockerfilePath));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`The Dockerfile ${dockerfilePath} is outside the build context ${root} — choose a context folder that contains it`);
  }
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`The build context ${root} is not a folder`);
  if (!fs.existsSync(path.join(root, rel))) throw new Error(`There is no Dockerfile at ${path.join(root, rel)}`);
  const dockerfile = rel.split(path.sep).join('/');
  const filter = contextFilter(readDockerignore(root), dockerfile);
  const toRel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  // tar-fs asks about each child before it stats it; a directory that is only "descended" is
  // still written as an entry (512 bytes the CLI would not send — only with "!" exceptions).
  const isDir = (abs: string) => () => fs.lstatSync(abs, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const entries = fs
    .readdirSync(root)
    .sort()
    .filter((name) => filter(name, isDir(path.join(root, name))) !== 'skip');
  const tar = pack(root, {
    entries,
    sort: true,
    ignore: (abs) => filter(toRel(abs), isDir(abs)) === 'skip',
    // The CLI sends every file as owned by root, as the image will have it.
    map: (header) => ({ ...header, uid: 0, gid: 0 }),
  } as PackOptions);
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sent += chunk.length;
      done(null, chunk);
    },
  });
  tar.on('error', (err) => counter.destroy(err));
  return { stream: tar.pipe(counter), bytesSent: () => sent, dockerfile };
}
