/** True for the error an AbortSignal produces, from our code, the AWS SDK or dockerode. */
export function isAbortError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown };
  return e.name === 'AbortError' || e.code === 'ABORT_ERR';
}

/** Throws the signal's AbortError when it has fired; call between steps of a long operation. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const err = new Error('The operation was cancelled.');
    err.name = 'AbortError';
    throw err;
  }
}
