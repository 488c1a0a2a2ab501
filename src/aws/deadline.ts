import type { Deadline } from '../core/awsErrors';

/** A few seconds to connect: an endpoint that cannot be reached at all fails fast. */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * Per attempt, until the answer starts. Control-plane calls answer in well under a second; a call
 * known to take longer passes its own: `client.send(command, { requestTimeout: 120_000 })` (the
 * sentence for a missed deadline then says 120 s).
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The node-http-handler options every client is built with: connect and answer deadlines that throw. */
export const DEADLINE_HANDLER_OPTIONS = {
  connectionTimeout: CONNECT_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  // Without it an exceeded requestTimeout is only a console warning and the call waits on.
  throwOnRequestTimeout: true,
} as const;

interface RequestLike {
  readonly protocol?: string;
  readonly hostname?: string;
  readonly port?: number;
}

interface HandlerLike {
  metadata?: unknown;
  destroy?: () => void;
  handle(request: RequestLike, options?: { requestTimeout?: number }): Promise<unknown>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): object;
}

interface HandlerConfigurationLike {
  httpHandler(): HandlerLike;
  setHttpHandler(handler: HandlerLike): void;
}

/** Node's network failures that the SDK also names TimeoutError: these are not our deadline. */
const NOT_A_DEADLINE = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

function endpointOf(r: RequestLike): string {
  return `${r.protocol ?? 'https:'}//${r.hostname ?? ''}${r.port ? `:${r.port}` : ''}`;
}

/** Marks a deadline failure with where it went and how long it waited, for the wording layer. */
export function markDeadline(err: unknown, request: RequestLike, requestTimeoutMs: number): unknown {
  const e = err as { name?: string; code?: string; message?: string; $deadline?: Deadline };
  if (typeof err !== 'object' || err === null || e.name !== 'TimeoutError' || NOT_A_DEADLINE.has(e.code ?? '')) return err;
  const connecting = /establish a connection/i.test(e.message ?? '');
  e.$deadline = {
    endpoint: endpointOf(request),
    seconds: Math.round((connecting ? CONNECT_TIMEOUT_MS : requestTimeoutMs) / 1000),
    phase: connecting ? 'connect' : 'answer',
  };
  return err;
}

/**
 * A client extension (config `extensions`): wraps the client's HTTP handler so an exceeded
 * deadline carries its endpoint and seconds, whatever the service.
 */
export const deadlineExtension = {
  configure(config: HandlerConfigurationLike): void {
    const inner = config.httpHandler();
    config.setHttpHandler({
      metadata: inner.metadata,
      destroy: () => inner.destroy?.(),
      handle: (request, options) =>
        inner.handle(request, options).catch((err: unknown) => {
          throw markDeadline(err, request, options?.requestTimeout ?? REQUEST_TIMEOUT_MS);
        }),
      updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig(key, value),
      httpHandlerConfigs: () => inner.httpHandlerConfigs(),
    });
  },
};
