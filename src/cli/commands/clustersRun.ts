import { AwsClients } from '../../aws/clients';
import { listClusters } from '../../aws/clusters';
import { describeAwsError } from '../../core/awsErrors';
import { profileName } from '../../core/connection';
import type { CommandContext } from '../command';
import { UserError } from '../../core/userError';

export async function run({ io, args, connection, log }: CommandContext): Promise<number> {
  const conn = await connection();
  log.debug(`listing clusters in ${conn.region} (profile ${profileName(conn)}${conn.endpoint ? `, endpoint ${conn.endpoint}` : ''})`);
  const clients = new AwsClients(conn);
  try {
    const clusters = await listClusters(clients.ecs, io.signal).catch((err: unknown) => {
      throw new UserError(
        describeAwsError(err, { service: 'ECS', action: 'ecs:ListClusters', profile: profileName(conn), endpoint: conn.endpoint }).message,
        err,
      );
    });
    if (args.values.json) {
      io.stdout(JSON.stringify(clusters, null, 2));
    } else {
      for (const c of clusters) {
        io.stdout([c.name, c.status, c.runningTasks, c.pendingTasks, c.activeServices].join('\t'));
      }
      if (clusters.length === 0) log.info(`No clusters in ${conn.region}.`);
    }
    return 0;
  } finally {
    clients.dispose();
  }
}
