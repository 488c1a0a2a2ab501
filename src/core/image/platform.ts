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
