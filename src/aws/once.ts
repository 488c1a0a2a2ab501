import type { MetadataBearer, MiddlewareStack } from '@smithy/types';
import { isThrottlingError } from '../core/awsErrors';
import { OUTCOME_UNKNOWN } from './retryStrategy';

interface ErrorShape {
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $deadline?: { phase?: string };
  [OUTCOME_UNKNOWN]?: boolean;
}

/**
 * True when a failed attempt says the call was not carried out: the service refused it
 * (throttling, a 4xx answer) or the connection never opened. A dropped connection, a missing
 * answer or a 5xx say nothing either way.
 */
export function saysNothingHappened(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorShape;
  const status = e.$metadata?.httpStatusCode;
  if (isThrottlingError(err)) return true;
  if (status !== undefined && status >= 400 && status < 500) return true;
  return e.code === 'ECONNREFUSED' || e.$deadline?.phase === 'connect';
}

/** True for a failure of a call sent with once() after which the call may or may not have run. */
export function isOutcomeUnknown(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as ErrorShape)[OUTCOME_UNKNOWN] === true;
}

/**
 * Marks a call that must not run twice (RegisterTaskDefinition, RunTask without a client token):
 * the client's retries still cover throttling and refused connections, but any failure that
 * leaves the outcome open ends the call with isOutcomeUnknown(err), so the caller looks before
 * repeating. Use: `client.send(once(new XCommand(input)))`.
 */
export function once<C extends { middlewareStack: unknown }>(command: C): C {
  // Inside the retry middleware: sees each attempt's failure before the retry strategy does.
  (command.middlewareStack as MiddlewareStack<object, MetadataBearer>).add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (typeof err === 'object' && err !== null && !saysNothingHappened(err)) (err as ErrorShape)[OUTCOME_UNKNOWN] = true;
        throw err;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'ecsDeployOnce' },
  );
  return command;
}
