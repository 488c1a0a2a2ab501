import path from 'node:path';
import { AwsClients } from '../../aws/clients';
import { formatDiagnostic } from '../../core/compose/index';
import { formatPreview, previewChangeSet } from '../../core/stack/changeSetPreview';
import { formatCostEstimate } from '../../core/stack/costEstimate';
import { launchCostEstimate } from '../../core/stack/launchCost';
import { formatStackEvent } from '../../core/stack/stackEvents';
import { fileBuildRecords } from '../../docker/buildRecords';
import { createDockerClient, dockerHostOf } from '../../docker/engine';
import { gitInfoOf } from '../../flows/gitInfo';
import { launchApp, LaunchRenderError, type LaunchPreview } from '../../flows/stack/launchApp';
import { cacheDirOf } from '../cacheDir';
import type { CommandContext } from '../command';
import type { CliIo } from '../io';
import { imageOverrides, list, shownPath, str, composeSource, refuseArguments } from './composeArgs';
import { confirmer, parseLaunchArgs, reportStackDiagnostics } from './launchArgs';
import { timeoutOf } from './rolloutTimeout';

function showPreview(io: CliIo, p: LaunchPreview, region: string): void {
  io.stderr(`${p.kind === 'CREATE' ? 'Creating' : 'Updating'} stack ${p.stackName}:`);
  for (const line of formatPreview(previewChangeSet(p.changes, p.template))) io.stderr(`  ${line}`);
  if (p.secretNames.length) io.stderr(`Secrets stored as SSM SecureString parameters: ${p.secretNames.join(', ')}`);
  const cost = launchCostEstimate(p.app, p.template, region);
  if (cost) for (const line of formatCostEstimate(cost)) io.stderr(line);
}

export async function run(ctx: CommandContext): Promise<number> {
  const { io, args, log } = ctx;
  const v = args.values;
  refuseArguments('up', args.positionals);
  const images = imageOverrides(list(v.image));
  const launch = parseLaunchArgs(v);
  const timeoutMs = timeoutOf(v);
  const ask = confirmer(io, v.yes === true, 'up changes AWS resources');
  const cwd = process.cwd();
  const conn = await ctx.connection();
  const clients = new AwsClients(conn);
  const dockerHost = dockerHostOf(io.env);
  try {
    const result = await launchApp(
      {
        compose: {
          ...composeSource(v, io.env),
          options: { region: conn.region, family: str(v.family) },
        },
        launch,
        images,
        timeoutMs,
        confirm: ask
          ? async (p) => {
              showPreview(io, p, conn.region);
              return ask(`Apply these changes to ${p.stackName}?`);
            }
          : async (p) => (showPreview(io, p, conn.region), true),
        confirmRecreate: async (name, status) => {
          io.stderr(`Stack ${name} is ${status}: an earlier create failed and was rolled back; it must be deleted before creating it again.`);
          return ask ? ask(`Delete ${name} and create it again?`) : true;
        },
      },
      {
        clients,
        log,
        signal: io.signal,
        progress: { report: ({ message }) => message && log.info(message) },
        onDiagnostic: (d) => io.stderr(formatDiagnostic(d, shownPath(d.file, cwd))),
        onStackEvent: (e) => io.stderr(formatStackEvent(e)),
        images: async () => ({
          docker: createDockerClient(dockerHost),
          dockerHost,
          ecr: clients.ecr,
          connection: conn,
          gitInfo: gitInfoOf,
          buildRecords: fileBuildRecords(path.join(cacheDirOf(io.env), 'builds')),
        }),
      },
    );
    switch (result.outcome) {
      case 'declined':
        log.info(`Nothing changed: ${result.stackName} left as it was`);
        return 1;
      case 'unchanged':
        log.info(`No changes: ${result.stackName} is up to date`);
        io.stdout(result.url);
        return 0;
      case 'created':
      case 'updated':
        log.info(`${result.stackName} ${result.outcome === 'created' ? 'created' : 'updated'}: ${result.app.serviceName} runs in ${result.app.clusterName}`);
        io.stdout(result.url);
        return 0;
      case 'stopped-watching':
        log.warn(result.message);
        return 130;
      default:
        log.error(result.message);
        return 1;
    }
  } catch (err) {
    if (err instanceof LaunchRenderError) {
      reportStackDiagnostics(io, err.diagnostics, cwd);
      return 1;
    }
    throw err;
  } finally {
    clients.dispose();
  }
}
