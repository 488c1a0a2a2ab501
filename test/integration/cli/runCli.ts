import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
/** The bundled `ecs-deploy` as package.json's "bin" installs it. */
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');
/** Credentials that only moto accepts; no instance metadata lookups. */
export const DUMMY_AWS_ENV = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_EC2_METADATA_DISABLED: 'true' };

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ecs-deploy ARGS` as a user would, and waits for it to exit. */
export function runCli(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI_PATH, ...args], { encoding: 'utf8', env: opts.env ?? process.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface TimedCliRun extends CliRun {
  readonly elapsedMs: number;
}

/**
 * The same, without blocking this process: for tests whose other half (a proxy, a log writer)
 * lives in the test process. Killed after `timeoutMs` (code null) so a hang fails the test.
 */
export function runCliAsync(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<TimedCliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: opts.env ?? process.env, cwd: opts.cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, elapsedMs: Date.now() - started });
    }),
  );
}
