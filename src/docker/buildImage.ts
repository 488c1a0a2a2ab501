import type Docker from 'dockerode';
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../core/image/bytes';
import { describeBuildFailure, parseBuildStep, type BuildStep } from '../core/image/buildProgress';
import { parseDockerfile } from '../core/image/dockerfile';
import type { Logger, ProgressReporter } from '../core/logger';
import { UserError } from '../core/userError';
import { createBuildContext } from './buildContext';
import { engineUnreachable } from './engine';
import { EngineStreamError, followEngineStream } from './engineEvents';
import { lineSplitter } from './lines';

export interface BuildOptions {
  readonly contextDir: string;
  readonly dockerfile: string;
  /** A local name to give the image, e.g. "127.0.0.1:5001/app:abc1234"; else only its id names it. */
  readonly tag?: string;
  readonly platform?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  /** Run every step again instead of using the engine's cache. */
  readonly noCache?: boolean;
  /** Called once the engine has taken the whole context and works on the steps. */
  readonly onContextSent?: () => void;
  /** How messages name the Dockerfile ("backend/Dockerfile"); default its path from the working directory. */
  readonly dockerfileLabel?: string;
}

export interface Run {
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
  /** The engine's address, for the "is it running?" message. */
  readonly host: string;
}

export interface BuiltImage {
  readonly id: string;
  readonly contextBytes: number;
}

/** "(HTTP code 400) unexpected - dockerfile parse error…" → the engine's own words. */
export function engineMessage(err: unknown): string {
  const e = err as { json?: { message?: string } | null; message?: string };
  return (e.json?.message ?? e.message ?? String(err)).replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}

/** Builds with the classic builder from a streamed context; every event checked, the output logged. */
export async function buildImage(docker: Docker, opts: BuildOptions, run: Run): Promise<BuiltImage> {
  const { log, progress, signal } = run;
  const dockerfileText = fs.readFileSync(opts.dockerfile, 'utf8');
  const relative = path.relative(process.cwd(), opts.dockerfile);
  const shownPath = opts.dockerfileLabel ?? (relative && !relative.startsWith('..') ? relative : opts.dockerfile);
  const describe = (message: string, step: BuildStep | undefined) =>
    describeBuildFailure(message, step, { path: shownPath, instructions: parseDockerfile(dockerfileText) });

  const context = createBuildContext(opts.contextDir, opts.dockerfile);
  const sending = () => progress.report({ message: `Sending context ${formatBytes(context.bytesSent())}` });
  sending();
  const timer = setInterval(sending, 250);
  let step: BuildStep | undefined;
  let imageId: string | undefined;
  try {
    let response: NodeJS.ReadableStream;
    try {
      response = await docker.buildImage(context.stream, {
        dockerfile: context.dockerfile,
        ...(opts.tag ? { t: opts.tag } : {}),
        rm: true,
        forcerm: true,
        ...(opts.platform ? { platform: opts.platform } : {}),
        ...(opts.target ? { target: opts.target } : {}),
        ...(opts.noCache ? { nocache: true } : {}),
        ...(opts.buildArgs && Object.keys(opts.buildArgs).length ? { buildargs: opts.buildArgs } : {}),
        abortSignal: signal,
      } as Docker.ImageBuildOptions);
    } catch (err) {
      if (signal?.aborted) throw err;
      const unreachable = engineUnreachable(err, run.host);
      if (unreachable !== err) throw unreachable;
      throw new UserError(describe(engineMessage(err), undefined), err);
    }
    clearInterval(timer);
    opts.onContextSent?.();
    log.info(`Sent build context of ${formatBytes(context.bytesSent())} (${context.bytesSent()} bytes)`);
    const lines = lineSplitter((line) => {
      log.info(line);
      const s = parseBuildStep(line);
      if (s) {
        step = s;
        progress.report({ message: `Step ${s.step}/${s.total}: ${s.text.slice(0, 60)}` });
      }
    });
    await followEngineStream(
      response as unknown as import('node:stream').Readable,
      (e) => {
        if (e.stream) lines.push(e.stream);
        if (e.aux?.ID) imageId = e.aux.ID;
      },
      signal,
    ).catch((err: unknown) => {
      lines.flush();
      if (err instanceof EngineStreamError) throw new UserError(describe(err.message, step), err);
      throw err;
    });
    lines.flush();
  } finally {
    clearInterval(timer);
  }
  if (!imageId) throw new UserError('The Docker engine finished the build without naming the image it built');
  return { id: imageId, contextBytes: context.bytesSent() };
}
