import { AwsClients } from '../../aws/clients';
import { profileName } from '../../core/connection';
import { UserError, userMessage } from '../../core/userError';
import { deployService, type DeploySource } from '../../flows/deployService';
import { readTaskDefinitionFile } from '../../flows/taskDefinitionFile';
import { requiredString, UsageError } from '../args';
import type { CommandContext } from '../command';
import { finishDeploy } from './finishDeploy';
import { timeoutOf } from './rolloutTimeout';

export async function run({ io, args, connection, log }: CommandContext): Promise<number> {
  const v = args.values;
  const cluster = requiredString(v, 'cluster');
  const service = requiredString(v, 'service');
  const chosen = ['image', 'task-definition', 'force'].filter((k) => v[k] !== undefined && v[k] !== false);
  if (chosen.length !== 1) throw new UsageError('give exactly one of --image CONTAINER=URI, --task-definition FILE, --force');
  const timeoutMs = timeoutOf(v);
  let source: DeploySource;
  if (typeof v.image === 'string') {
    const eq = v.image.indexOf('=');
    if (eq <= 0 || eq === v.image.length - 1) throw new UsageError(`--image ${v.image}: write it as CONTAINER=URI`);
    source = { kind: 'image', container: v.image.slice(0, eq), image: v.image.slice(eq + 1) };
  } else if (typeof v['task-definition'] === 'string') {
    source = { kind: 'taskDefinition', input: await readTaskDefinitionFile(v['task-definition']) };
  } else {
    source = { kind: 'force' };
  }
  const conn = await connection();
  const clients = new AwsClients(conn);
  try {
    const result = await deployService(clients.ecs, { cluster, service, source }, { log, signal: io.signal, progress: { report: ({ message }) => message && log.info(message) } }).catch(
      (err: unknown) => {
        if (err instanceof UserError) throw err;
        throw new UserError(userMessage(err, { service: 'ECS', profile: profileName(conn), endpoint: conn.endpoint }), err);
      },
    );
    return await finishDeploy(clients, cluster, service, result, { wait: Boolean(v.wait), timeoutMs, io, log });
  } finally {
    clients.dispose();
  }
}
