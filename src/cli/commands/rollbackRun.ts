import { AwsClients } from '../../aws/clients';
import { describeService } from '../../aws/services';
import { profileName } from '../../core/connection';
import { UserError, userMessage } from '../../core/userError';
import { deployService } from '../../flows/deployService';
import { requiredString, UsageError } from '../args';
import type { CommandContext } from '../command';
import { finishDeploy } from './finishDeploy';
import { timeoutOf } from './rolloutTimeout';
import { familyOf } from '../../core/arns';

export async function run({ io, args, connection, log }: CommandContext): Promise<number> {
  const v = args.values;
  const cluster = requiredString(v, 'cluster');
  const service = requiredString(v, 'service');
  const revisionText = requiredString(v, 'revision');
  if (!/^\d+$/.test(revisionText) || Number(revisionText) < 1) throw new UsageError(`--revision ${revisionText}: a revision is a number from 1`);
  const timeoutMs = timeoutOf(v);
  const conn = await connection();
  const clients = new AwsClients(conn);
  const fail = (err: unknown): never => {
    if (err instanceof UserError) throw err;
    throw new UserError(userMessage(err, { service: 'ECS', profile: profileName(conn), endpoint: conn.endpoint }), err);
  };
  try {
    const current = await describeService(clients.ecs, cluster, service, io.signal).catch(fail);
    if (!current?.taskDefinition) throw new UserError(`Service ${service} was not found in cluster ${cluster}`);
    const family = familyOf(current.taskDefinition);
    const result = await deployService(
      clients.ecs,
      { cluster, service, source: { kind: 'revision', taskDefinition: `${family}:${revisionText}` } },
      { log, signal: io.signal, progress: { report: ({ message }) => message && log.info(message) } },
    ).catch(fail);
    return await finishDeploy(clients, cluster, service, result, { wait: Boolean(v.wait), timeoutMs, io, log });
  } finally {
    clients.dispose();
  }
}
