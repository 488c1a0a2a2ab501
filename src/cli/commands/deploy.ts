import { AwsClients } from '../../aws/clients';
import { profileName } from '../../core/connection';
import { UserError, userMessage } from '../../core/userError';
import { deployService, type DeploySource } from '../../flows/deployService';
import { readTaskDefinitionFile } from '../../flows/taskDefinitionFile';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { DEFAULT_TIMEOUT, finishDeploy, requiredString, timeoutOf } from './rolloutCli';

export const deployCommand: CliCommand = {
  name: 'deploy',
  summary: 'Deploy a new image, a task-definition file, or restart a service',
  usage: '--cluster C --service S (--image CONTAINER=URI | --task-definition FILE | --force) [--wait] [--timeout D]',
  options: {
    cluster: { type: 'string' },
    service: { type: 'string' },
    image: { type: 'string' },
    'task-definition': { type: 'string' },
    force: { type: 'boolean' },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  help: [
    '--image CONTAINER=URI   the current revision with that container\'s image replaced (registers a new revision)',
    '--task-definition FILE  register FILE (RegisterTaskDefinition JSON) as its family\'s next revision',
    '--force                 new deployment with the same revision (no new revision)',
    `--wait                  watch the rollout until it COMPLETES or FAILS; --timeout D (default ${DEFAULT_TIMEOUT}) like 90s, 10m, 1h`,
    '',
    'The last line of stdout is the ARN of the task definition the service now uses; rollout lines go to stderr.',
    'Exit 0 when the update was accepted (and, with --wait, the rollout COMPLETED); 1 on FAILED, timeout or error.',
  ],
  async run({ io, args, connection, log }) {
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
      if (!result) return 1;
      return await finishDeploy(clients, cluster, service, result, { wait: Boolean(v.wait), timeoutMs, io, log });
    } finally {
      clients.dispose();
    }
  },
};
