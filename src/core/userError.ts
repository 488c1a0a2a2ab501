import { describeAwsError, type ErrorContext } from './awsErrors';

/** A failure already worded for a person: both faces show its message as it is. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string, readonly detail?: unknown) {
    super(message);
  }
}

/** Nothing to act on in the chosen region: the fix is another region, so the editor offers that. */
export class EmptyRegionError extends UserError {
  override name = 'EmptyRegionError';
  constructor(readonly region: string, what = 'clusters') {
    super(`No ${what} in ${region} — select the region your resources are in`);
  }
}

function isAwsServiceError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && ('$metadata' in err || (err as { name?: string }).name === 'CredentialsProviderError');
}

interface SystemErrorFields {
  code?: unknown;
  path?: unknown;
  address?: unknown;
  port?: unknown;
  message?: unknown;
}

/** Node's file and socket errors (ENOENT, ECONNRESET, "socket hang up") as sentences; undefined for others. */
export function systemErrorSentence(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as SystemErrorFields;
  const code = typeof e.code === 'string' ? e.code : '';
  const file = typeof e.path === 'string' ? e.path : undefined;
  const peer = typeof e.address === 'string' ? `${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}` : 'the other side';
  switch (code) {
    case 'ENOENT':
      return file ? `${file} does not exist` : 'A file or folder it needs does not exist';
    case 'EACCES':
    case 'EPERM':
      return `No permission to use ${file ?? 'a file it needs'} — check its owner and mode`;
    case 'EISDIR':
      return `${file ?? 'The path'} is a folder where a file was expected`;
    case 'ENOTDIR':
      return `${file ?? 'A path'} is not a folder`;
    case 'ECONNREFUSED':
      return `Nothing is listening at ${peer} — is it running?`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The connection to ${peer} was closed before an answer came — try again`;
    case 'ETIMEDOUT':
      return `No answer from ${peer} in time — is it reachable?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name could not be resolved — check the address and the network`;
  }
  if (typeof e.message === 'string' && /socket hang up/i.test(e.message)) return 'The connection was closed before an answer came — try again';
  return undefined;
}

/** The one sentence to show for any error: ours as written, AWS's described, Node's worded, the rest by message. */
export function userMessage(err: unknown, ctx?: ErrorContext): string {
  if (err instanceof UserError) return err.message;
  if (isAwsServiceError(err) || ctx) return describeAwsError(err, ctx).message;
  const system = systemErrorSentence(err);
  if (system) return system;
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}
