import path from 'node:path';
import { AwsClients } from '../../aws/clients';
import { profileName } from '../../core/connection';
import { repositoryNameFor, repositoryNameProblem } from '../../core/image/ecrNames';
import { parseBuildArg, platformProblem, tagProblem } from '../../core/image/imageTags';
import { createDockerClient, dockerHostOf } from '../../docker/engine';
import { buildAndPush } from '../../flows/buildAndPush';
import { gitInfoOf } from '../../flows/gitInfo';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { stderrProgress } from '../progress';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const buildPushCommand: CliCommand = {
  name: 'build-push',
  summary: 'Build an image from a Dockerfile and push it to Amazon ECR',
  usage: '[--dockerfile F] [--context DIR] [--repository NAME] [--tag T]... [--platform P] [--build-arg K=V]... [--target STAGE]',
  options: {
    dockerfile: { type: 'string' },
    context: { type: 'string' },
    repository: { type: 'string' },
    tag: { type: 'string', multiple: true },
    platform: { type: 'string' },
    'build-arg': { type: 'string', multiple: true },
    target: { type: 'string' },
  },
  help: [
    'Options:',
    '  --dockerfile F        the Dockerfile (default: ./Dockerfile)',
    "  --context DIR         the build context (default: the Dockerfile's folder); .dockerignore is honoured",
    "  --repository NAME     the ECR repository, created when missing (default: named after the context folder)",
    '  --tag T               a tag, repeatable (default: the git short commit, "-dirty" when the tree',
    '                        has changes, and "latest")',
    '  --platform P          os/arch to build for (default: linux/amd64, as Fargate X86_64 runs)',
    '  --build-arg K=V       a build argument, repeatable; "K" alone takes the value from the environment',
    '  --target STAGE        the stage of a multi-stage Dockerfile to build',
    '',
    'The Docker engine is the one DOCKER_HOST names (else the default socket). The ECR login is',
    'passed to the engine in memory, never written to ~/.docker/config.json.',
    'Progress goes to stderr; the last line of stdout is the pushed image as REPOSITORY_URI@sha256:…',
    '(the URI as ECR reports it, also when --ecr-registry-address redirects the push).',
  ],
  async run({ io, args, connection, log }) {
    const v = args.values;
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    const dockerfile = path.resolve(str(v.dockerfile) ?? 'Dockerfile');
    const contextDir = path.resolve(str(v.context) ?? path.dirname(dockerfile));
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
    const clients = new AwsClients(conn);
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
        },
        {
          docker: createDockerClient(dockerHost),
          dockerHost,
          ecr: clients.ecr,
          connection: conn,
          log,
          progress: stderrProgress(io.stderr),
          signal: io.signal,
          gitInfo: gitInfoOf,
        },
      );
      log.info(`Pushed ${result.tags.map((t) => `${result.repositoryUri}:${t}`).join(', ')}`);
      io.stdout(result.imageUri);
      return 0;
    } finally {
      clients.dispose();
    }
  },
};
