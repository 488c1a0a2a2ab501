import type { Readable } from 'node:stream';
import type { EngineEvent } from '../core/image/buildProgress';
import { eventError } from '../core/image/buildProgress';
import { abortError } from '../core/abort';

export class EngineStreamError extends Error {
  override name = 'EngineStreamError';
}


/**
 * Reads the engine's newline-delimited JSON stream, handing every event to `onEvent`, and
 * rejects on the first event that carries an error (the engine answers 200 and reports
 * failures only inside the stream). Aborting the signal destroys the connection, which makes
 * the engine stop the build or push.
 */
export function followEngineStream(stream: Readable, onEvent: (e: EngineEvent) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (err) {
        stream.destroy();
        reject(err);
      } else resolve();
    };
    const onAbort = () => finish(abortError());
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const handleLine = (line: string) => {
      if (!line.trim() || settled) return;
      let event: EngineEvent;
      try {
        event = JSON.parse(line) as EngineEvent;
      } catch {
        event = { stream: line };
      }
      const failure = eventError(event);
      try {
        onEvent(event);
      } catch (err) {
        return finish(err as Error);
      }
      if (failure) finish(new EngineStreamError(failure));
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        handleLine(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
    let ended = false;
    stream.on('end', () => {
      ended = true;
      handleLine(buffer);
      finish();
    });
    stream.on('error', (err) => finish(signal?.aborted ? abortError() : err));
    // A connection dropped before the end is a failure, never a silent success.
    stream.on('close', () => {
      if (!ended) finish(signal?.aborted ? abortError() : new EngineStreamError('the Docker engine closed the connection before the operation finished'));
    });
  });
}
