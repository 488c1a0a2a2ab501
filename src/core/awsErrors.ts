/**
 * Turns what the AWS SDK throws into one sentence a person can act on.
 * Pure: looks only at the error's name, code, message and HTTP status.
 */
export type AwsErrorKind = 'credentials' | 'expired' | 'network' | 'access' | 'throttling' | 'aborted' | 'other';

export interface DescribedError {
  readonly kind: AwsErrorKind;
  /** What happened, for a notification, the log or stderr. */
  readonly message: string;
  /** The same in a few words, for narrow places such as a tree node's label. */
  readonly short: string;
}

export interface ErrorContext {
  /** "ecs:ListClusters" — named in access errors so the user knows which permission to add. */
  readonly action?: string;
  /** The service's display name: "ECS", "ECR", "CloudWatch Logs". */
  readonly service?: string;
  readonly profile?: string;
  readonly endpoint?: string;
}

/** What src/aws's deadline wrapper attaches to a call that got no answer in time. */
export interface Deadline {
  /** Where the call went: "https://ecs.us-east-1.amazonaws.com", "http://127.0.0.1:4566". */
  readonly endpoint: string;
  readonly seconds: number;
  /** Never connected, or connected and got no answer. */
  readonly phase: 'connect' | 'answer';
}

interface ErrorFields {
  name?: unknown;
  $deadline?: Deadline;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  TimeoutError: 'timed out',
};

const ACCESS_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
const EXPIRED_NAMES = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

/** True when an AWS SDK error is the named exception (`ResourceNotFoundException`, …). */
export function isAwsError(err: unknown, name: string): boolean {
  return str(fields(err).name) === name;
}

/** The service refused the call for its rate: nothing was done, so it is safe to send again. */
export function isThrottlingError(err: unknown): boolean {
  const f = fields(err);
  return THROTTLING_NAMES.has(str(f.name) ?? '') || f.$metadata?.httpStatusCode === 429;
}

function fields(err: unknown): ErrorFields {
  return typeof err === 'object' && err !== null ? (err as ErrorFields) : { message: String(err) };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** The network code of the error or of anything it wraps (AggregateError from dual-stack connects, causes). */
function networkCode(err: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const f = fields(err);
  for (const key of [str(f.code), str(f.name)]) {
    if (key && key in NETWORK_CODES) return key;
  }
  if (Array.isArray(f.errors)) {
    for (const e of f.errors) {
      const c = networkCode(e, depth + 1);
      if (c) return c;
    }
  }
  return f.cause ? networkCode(f.cause, depth + 1) : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

export function describeAwsError(err: unknown, ctx: ErrorContext = {}): DescribedError {
  const f = fields(err);
  const name = str(f.name) ?? '';
  const message = firstLine(str(f.message) ?? name ?? 'unknown error');
  const service = ctx.service ?? 'AWS';
  const profile = ctx.profile ? ` "${ctx.profile}"` : '';

  const described = (kind: AwsErrorKind, message: string, short = message): DescribedError => ({ kind, message, short });
  if (name === 'AbortError' || str(f.code) === 'ABORT_ERR') {
    return described('aborted', 'Cancelled.');
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|unable to locate credentials/i.test(message)) {
    return described(
      'credentials',
      `No credentials found for profile${profile} — select another profile or configure it in ~/.aws (${message})`,
      'No credentials found',
    );
  }
  if (name === 'TokenProviderError' || /sso session .*(expired|invalid)|token.*expired/i.test(message)) {
    return described(
      'expired',
      `The SSO session of profile${profile} has expired — run "aws sso login${ctx.profile ? ` --profile ${ctx.profile}` : ''}" (${message})`,
      'SSO session expired',
    );
  }
  const deadline = f.$deadline ?? (f.cause ? fields(f.cause).$deadline : undefined);
  if (deadline) {
    const what = deadline.phase === 'connect' ? `Could not connect to ${deadline.endpoint}` : `No answer from ${deadline.endpoint}`;
    const short = deadline.phase === 'connect' ? `Could not connect to ${service}` : `No answer from ${service}`;
    return described('network', `${what} in ${deadline.seconds} s — is it reachable?`, `${short} in ${deadline.seconds} s`);
  }
  const net = networkCode(err);
  if (net) {
    const where = ctx.endpoint ? ` at ${ctx.endpoint}` : '';
    return described('network', `Could not reach ${service}${where}: ${NETWORK_CODES[net]}`, `Could not reach ${service}: ${NETWORK_CODES[net]}`);
  }
  if (ACCESS_NAMES.has(name) || f.$metadata?.httpStatusCode === 403) {
    const action = ctx.action ? ` on ${ctx.action}` : '';
    return described('access', `AccessDenied${action} — the profile's IAM policy must allow it (${message})`, `AccessDenied${action}`);
  }
  if (EXPIRED_NAMES.has(name)) {
    return described('expired', `${service} rejected the credentials of profile${profile}: ${message}`, 'Credentials rejected');
  }
  if (isThrottlingError(err)) {
    return described('throttling', `${service} is throttling requests — try again in a moment (${message})`, `${service} is throttling requests`);
  }
  // AWS's error codes help a person search; the SDK's own class names (ECSServiceException, TypeError) do not.
  const prefix = name && !/(Error|ServiceException)$/.test(name) && !message.startsWith(name) ? `${name}: ` : '';
  return described('other', `${service}${ctx.action ? ` ${ctx.action}` : ''} failed: ${prefix}${message}`, `${prefix}${message}`);
}
