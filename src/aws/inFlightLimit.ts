import type { MiddlewareStack } from '@smithy/types';
import type { Limiter } from '../core/concurrency';

/**
 * Every request of the client waits for a slot of the shared limiter, so a tree expanding many
 * nodes at once never has more than a few calls in flight (AWS throttles bursts).
 */
export function limitCallsInFlight<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  limiter: Limiter,
): void {
  client.middlewareStack.add((next) => (args) => limiter(() => next(args)), { step: 'initialize', name: 'ecsDeployInFlightLimit' });
}
