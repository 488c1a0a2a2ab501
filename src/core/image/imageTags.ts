/** What the workspace's git says about the code being built. */
export interface GitInfo {
  readonly shortCommit: string;
  readonly dirty: boolean;
}

/** The git short commit (with "-dirty" when the tree has changes) and "latest"; just "latest" outside git. */
export function defaultTags(git: GitInfo | undefined): string[] {
  return git ? [`${git.shortCommit}${git.dirty ? '-dirty' : ''}`, 'latest'] : ['latest'];
}

/** Docker's tag grammar: up to 128 of [A-Za-z0-9_.-], not starting with "." or "-". */
export function tagProblem(tag: string): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)
    ? undefined
    : `"${tag}" is not a valid image tag — use up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`;
}

/** Tags as typed in an input box: separated by commas or spaces, duplicates dropped. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}
