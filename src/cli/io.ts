import type { Logger } from '../core/logger';

/** What a CLI command may touch: injected so commands run the same under tests. */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal: AbortSignal;
  /** A yes/no question on the terminal; absent without one (then commands need --yes). */
  readonly ask?: (question: string) => Promise<boolean>;
}

/** Diagnostics go to stderr so stdout holds results only; debug lines only with ECS_DEPLOY_DEBUG. */
export function stderrLogger(io: CliIo): Logger {
  const debug = Boolean(io.env.ECS_DEPLOY_DEBUG);
  return {
    trace: (m) => debug && io.stderr(`trace: ${m}`),
    debug: (m) => debug && io.stderr(`debug: ${m}`),
    info: (m) => io.stderr(m),
    warn: (m) => io.stderr(`warning: ${m}`),
    error: (m) => io.stderr(`error: ${m}`),
  } as Logger;
}
