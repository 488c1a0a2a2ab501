import { execFile } from 'node:child_process';
import type { GitInfo } from '../core/image/imageTags';

function git(dir: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', dir, ...args], { timeout: 10000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

/** The short commit of the folder's repository and whether its tree has changes; undefined outside git. */
export async function gitInfoOf(dir: string): Promise<GitInfo | undefined> {
  const commit = (await git(dir, ['rev-parse', '--short', 'HEAD']))?.trim();
  if (!commit) return undefined;
  const status = await git(dir, ['status', '--porcelain', '--untracked-files=normal']);
  return { shortCommit: commit, dirty: Boolean(status?.trim()) };
}
