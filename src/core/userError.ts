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

/** The one sentence to show for any error: ours as written, AWS's described, the rest by message. */
export function userMessage(err: unknown, ctx?: ErrorContext): string {
  if (err instanceof UserError) return err.message;
  if (isAwsServiceError(err) || ctx) return describeAwsError(err, ctx).message;
  if (err instanceof Error) return err.message.split('\n')[0];
  return String(err);
}
