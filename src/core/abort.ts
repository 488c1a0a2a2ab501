/** True for the error an AbortSignal produces, from our code, the AWS SDK or dockerode. */
export function isAbortError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown };
  return e.name === 'AbortError' || e.code === 'ABORT_ERR';
}

/** The error for a cancel (a signal, a closed picker, a "no"): callers treat it as a quiet stop. */
export function abortError(message = 'The operation was cancelled.'): Error {
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

/** Throws the signal's AbortError when it has fired; call between steps of a long operation. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
