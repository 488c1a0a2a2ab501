import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { PushProgress } from '../core/image/pushProgress';
import { describePushFailure } from '../core/image/pushErrors';
import type { RegistryLogin } from '../core/image/ecrToken';
import { UserError } from '../core/userError';
import type { Run } from './buildImage';
import { engineMessage } from './buildImage';
import { engineUnreachable } from './engine';
import { EngineStreamError, followEngineStream } from './engineEvents';

/** Gives an image another name (repository + tag). */
export async function tagImage(docker: Docker, imageId: string, repository: string, tag: string, host: string): Promise<void> {
  try {
    await docker.getImage(imageId).tag({ repo: repository, tag });
  } catch (err) {
    const unreachable = engineUnreachable(err, host);
    if (unreachable !== err) throw unreachable;
    throw new UserError(`Could not tag the image as ${repository}:${tag}: ${engineMessage(err)}`, err);
  }
}

/**
 * Pushes repository:tag with the login passed in memory (X-Registry-Auth), never through
 * ~/.docker/config.json. Returns the manifest digest the registry answered.
 */
export async function pushImage(docker: Docker, repository: string, tag: string, login: RegistryLogin, run: Run): Promise<string> {
  const { log, progress, signal } = run;
  const target = `${repository}:${tag}`;
  const tracker = new PushProgress();
  let response: NodeJS.ReadableStream;
  try {
    response = await docker.getImage(repository).push({
      tag,
      authconfig: { username: login.username, password: login.password, serveraddress: login.registry },
      abortSignal: signal,
    } as Parameters<Docker.Image['push']>[0]);
  } catch (err) {
    if (signal?.aborted) throw err;
    const unreachable = engineUnreachable(err, run.host);
    if (unreachable !== err) throw unreachable;
    throw new UserError(describePushFailure(engineMessage(err), target), err);
  }
  let lastMessage = '';
  await followEngineStream(
    response as unknown as Readable,
    (e) => {
      const message = tracker.update(e);
      if (message && message !== lastMessage) {
        lastMessage = message;
        progress.report({ message });
      }
      // Per-layer byte counts would flood the log; the rest is what `docker push` prints.
      if (e.status && e.status !== 'Pushing') log.info(e.id ? `${e.id}: ${e.status}` : e.status);
    },
    signal,
  ).catch((err: unknown) => {
    if (err instanceof EngineStreamError) throw new UserError(describePushFailure(err.message, target), err);
    throw err;
  });
  if (!tracker.digest) throw new UserError(`The registry accepted ${target} but the engine reported no digest`);
  return tracker.digest;
}
