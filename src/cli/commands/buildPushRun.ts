import type { ECRClient } from '@aws-sdk/client-ecr';
import path from 'node:path';
import { profileName } from '../../core/connection';
import { repositoryNameFor, repositoryNameProblem } from '../../core/image/ecrNames';
import { parseBuildArg } from '../../core/image/buildArgs';
import { tagProblem } from '../../core/image/imageTags';
import { platformProblem } from '../../core/image/platform';
import { fileBuildRecords } from '../../docker/buildRecords';
import { createDockerClient, dockerHostOf } from '../../docker/engine';
import { buildAndPush } from '../../flows/buildAndPush';
import { gitInfoOf } from '../../flows/gitInfo';
import { UsageError } from '../args';
import { cacheDirOf } from '../cacheDir';
import type { CommandContext } from '../command';
import { stderrProgress } from '../progress';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function run({ io, args, connection, log }: CommandContext): Promise<number> {
  const v = args.values;
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
  // As `docker build DIR` does: without --dockerfile, the Dockerfile is DIR/Dockerfile.
  const contextOption = str(v.context);
  const dockerfile = path.resolve(str(v.dockerfile) ?? path.join(contextOption ?? '.', 'Dockerfile'));
  const contextDir = path.resolve(contextOption ?? path.dirname(dockerfile));
  const repository = str(v.repository) ?? repositoryNameFor(path.basename(contextDir));
  const tags = strings(v.tag);
  const platform = str(v.platform);
  const problems = [repositoryNameProblem(repository), ...tags.map(tagProblem), platform ? platformProblem(platform) : undefined].filter(Boolean);
  if (problems.length) throw new UsageError(problems.join('; '));
  const buildArgs: Record<string, string> = {};
  for (const a of strings(v['build-arg'])) {
    let parsed: [string, string | undefined];
    try {
      parsed = parseBuildArg(a, io.env);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    // Like `docker build --build-arg K`: a name missing from the environment is left unset.
    if (parsed[1] !== undefined) buildArgs[parsed[0]] = parsed[1];
  }

  const conn = await connection();
  const dockerHost = dockerHostOf(io.env);
  log.debug(`profile ${profileName(conn)}, region ${conn.region}${conn.endpoint ? `, endpoint ${conn.endpoint}` : ''}, engine ${dockerHost}`);
  let ecr: ECRClient | undefined;
  try {
    const result = await buildAndPush(
      {
        dockerfile,
        contextDir,
        repository,
        createRepository: true,
        tags: tags.length ? tags : undefined,
        platform,
        buildArgs,
        target: str(v.target),
        noCache: v['no-cache'] === true,
      },
      {
        docker: createDockerClient(dockerHost),
        dockerHost,
        // Made (and the SDK loaded) by the flow once the engine is busy: start-up time.
        ecr: async () => (ecr = (await import('../../aws/ecrClient')).ecrClientFor(conn)),
        connection: conn,
        log,
        progress: stderrProgress(io.stderr),
        signal: io.signal,
        gitInfo: gitInfoOf,
        buildRecords: fileBuildRecords(path.join(cacheDirOf(io.env), 'builds')),
      },
    );
    log.info(`Pushed ${result.tags.map((t) => `${result.repositoryUri}:${t}`).join(', ')}`);
    io.stdout(result.imageUri);
    return 0;
  } finally {
    ecr?.destroy();
  }
}
