/** The logging seam every layer takes: the extension backs it with its output channel, the CLI with stderr. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How long operations say where they are; the extension maps it to withProgress, the CLI to stderr. */
export interface ProgressReporter {
  /** `message` is the current step; `increment` is percent of the whole, when known. */
  report(update: { message?: string; increment?: number }): void;
}

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
