import { AwsClients } from '../../aws/clients';
import { describeService } from '../../aws/services';
import { profileName } from '../../core/connection';
import { UserError, userMessage } from '../../core/userError';
import { deployService } from '../../flows/deployService';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { DEFAULT_TIMEOUT, finishDeploy, requiredString, timeoutOf } from './rolloutCli';

export const rollbackCommand: CliCommand = {
  name: 'rollback',
  summary: "Point a service back at an earlier revision of its task definition's family",
  usage: '--cluster C --service S --revision N [--wait] [--timeout D]',
  options: {
    cluster: { type: 'string' },
    service: { type: 'string' },
    revision: { type: 'string' },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  help: [
    '--revision N   the revision of the family the service uses now (no new revision is registered)',
    `--wait         watch the rollout; --timeout D (default ${DEFAULT_TIMEOUT}) like 90s, 10m, 1h`,
    '',
    'The last line of stdout is the ARN of the task definition the service now uses.',
  ],
  async run({ io, args, connection, log }) {
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
      const family = current.taskDefinition.split('/').pop()!.replace(/:\d+$/, '');
      const result = await deployService(
        clients.ecs,
        { cluster, service, source: { kind: 'revision', taskDefinition: `${family}:${revisionText}` } },
        { log, signal: io.signal, progress: { report: ({ message }) => message && log.info(message) } },
      ).catch(fail);
      if (!result) return 1;
      return await finishDeploy(clients, cluster, service, result, { wait: Boolean(v.wait), timeoutMs, io, log });
    } finally {
      clients.dispose();
    }
  },
};
