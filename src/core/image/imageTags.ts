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

/** "K=V" → [K, V]; "K" alone takes its value from the environment, as `docker build --build-arg K` does. */
export function parseBuildArg(text: string, env: Readonly<Record<string, string | undefined>>): [string, string | undefined] {
  const eq = text.indexOf('=');
  if (eq === 0) throw new Error(`"${text}" is not a build argument — write it as NAME=VALUE`);
  return eq < 0 ? [text, env[text]] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** "linux/amd64", "linux/arm64/v8"… */
export function platformProblem(p: string): string | undefined {
  return /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p) ? undefined : `"${p}" is not a platform — write it as os/arch, e.g. linux/amd64`;
}

/** The engine's arch ("x86_64", "aarch64", "amd64") as a platform's arch. */
export function normalizeArch(arch: string): string {
  const a = arch.toLowerCase();
  if (a === 'x86_64' || a === 'x64') return 'amd64';
  if (a === 'aarch64' || a === 'arm64/v8') return 'arm64';
  return a;
}

/** True when an engine of this os/arch builds the platform natively (no emulation). */
export function platformMatchesEngine(platform: string, engine: { os: string; arch: string }): boolean {
  const [os, arch] = platform.split('/');
  return os === engine.os && normalizeArch(arch) === normalizeArch(engine.arch);
}
