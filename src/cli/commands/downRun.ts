import { AwsClients } from '../../aws/clients';
import { stackName } from '../../core/stack/index';
import { formatStackEvent } from '../../core/stack/stackEvents';
import { deleteApp, deletePlanWords, type DeletePlan } from '../../flows/stack/deleteApp';
import { renderComposeStack } from '../../flows/renderCompose';
import { UsageError } from '../args';
import type { CommandContext } from '../command';
import type { CliIo } from '../io';
import { imageOverrides, list, str, composeSource, refuseArguments } from './composeArgs';
import { confirmer, reportStackDiagnostics } from './launchArgs';
import { timeoutOf } from './rolloutTimeout';
import { plural } from '../../core/plural';

function showPlan(io: CliIo, p: DeletePlan): void {
  io.stderr(`Deleting stack ${p.stackName}${p.service ? ` (${p.cluster}/${p.service})` : ''}:`);
  const words = deletePlanWords(p);
  for (const w of words.deleted) io.stderr(`  - ${w}`);
  for (const w of words.kept) io.stderr(`  = kept: ${w}`);
}

export async function run(ctx: CommandContext): Promise<number> {
  const { io, args, log } = ctx;
  const v = args.values;
  refuseArguments('down', args.positionals);
  const timeoutMs = timeoutOf(v);
  const ask = confirmer(io, v.yes === true, 'down deletes AWS resources');
  let service = str(v.service);
  let cluster = str(v.cluster);
  const conn = await ctx.connection();
  if (!service || !cluster) {
    // The names `up` would use for this compose project (x-ecs, else its defaults), offline.
    const cwd = process.cwd();
    const rendered = renderComposeStack({
      ...composeSource(v, io.env),
      options: { region: conn.region, images: imageOverrides(list(v.image)), family: str(v.family) },
      launch: { service, cluster },
    });
    if (!rendered.app) {
      reportStackDiagnostics(io, rendered.diagnostics.filter((d) => d.severity === 'error'), cwd);
      throw new UsageError('the app could not be named from the compose file: pass --service NAME --cluster NAME');
    }
    service ??= rendered.app.serviceName;
    cluster ??= rendered.app.clusterName;
  }
  const clients = new AwsClients(conn);
  try {
    const result = await deleteApp(
      {
        stackName: stackName(cluster, service),
        deleteData: v['delete-data'] === true,
        timeoutMs,
        confirm: async (plan) => {
          showPlan(io, plan);
          return ask ? ask(`Delete ${plan.stackName}?`) : true;
        },
      },
      { clients, log, signal: io.signal, progress: { report: ({ message }) => message && log.info(message) }, onStackEvent: (e) => io.stderr(formatStackEvent(e)) },
    );
    if (result.outcome === 'declined') {
      log.info('Nothing deleted');
      return 1;
    }
    if (result.outcome !== 'deleted') {
      log.warn(result.message);
      return result.outcome === 'timeout' ? 1 : 130;
    }
    log.info(`Deleted ${result.plan.stackName}: ${plural(result.plan.deleted.length, 'resource')}${result.deletedParameters.length ? `, ${plural(result.deletedParameters.length, 'secret parameter')}` : ''}${result.deletedFileSystems.length ? `, ${result.deletedFileSystems.length === 1 ? 'file system' : 'file systems'} ${result.deletedFileSystems.join(', ')}` : ''}`);
    for (const fs of result.keptFileSystems) {
      log.info(`Kept EFS file system ${fs} (the app's data). To delete it (for good): aws efs delete-file-system --file-system-id ${fs}; next time, ecs-deploy down --delete-data deletes it with the app`);
    }
    if (result.plan.keptCluster) log.info(`Kept cluster ${result.plan.keptCluster} (an empty cluster costs nothing; delete it with aws ecs delete-cluster --cluster ${result.plan.keptCluster})`);
    log.info('Images in ECR were kept');
    return 0;
  } finally {
    clients.dispose();
  }
}
