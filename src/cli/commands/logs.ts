import { AwsClients } from '../../aws/clients';
import { isAbortError } from '../../core/abort';
import { profileName } from '../../core/connection';
import { parseDuration } from '../../core/logs/duration';
import { followServiceLogs } from '../../flows/followLogs';
import { UsageError } from '../args';
import type { CliCommand } from '../command';

const DEFAULT_SINCE = '10m';

/**
 * `ecs-deploy logs` — a contract other tools rely on: stdout carries exactly one line per log
 * event, `HH:MM:SS.mmm <container> <short task id> | <message>` (local time); everything else
 * goes to stderr. With --follow it runs until interrupted and then exits 0.
 */
export const logsCommand: CliCommand = {
  name: 'logs',
  summary: "Print (and follow) a service's container logs from CloudWatch Logs",
  usage: '--cluster C --service S [--container NAME] [--since 10m] [--follow]',
  options: {
    cluster: { type: 'string' },
    service: { type: 'string' },
    container: { type: 'string' },
    since: { type: 'string' },
    follow: { type: 'boolean', short: 'f' },
  },
  help: [
    'Options:',
    '  --cluster C        the service\'s cluster (required)',
    '  --service S        the service (required); its tasks\' streams come from the task',
    '                     definition\'s awslogs configuration (prefix/container/taskId)',
    '  --container NAME   only this container',
    `  --since D          start this far back: 90s, 10m, 1h, 2d (default ${DEFAULT_SINCE})`,
    '  -f, --follow       keep printing new lines, also of tasks that start meanwhile,',
    '                     until interrupted (Ctrl-C), then exit 0',
    '',
    'Prints one event per line, in timestamp order, in local time:',
    '  HH:MM:SS.mmm <container> <short task id> | <message>',
    'The message is everything after the first " | ", as the container wrote it.',
  ],
  async run({ io, args, connection, log }) {
    const str = (k: string) => (typeof args.values[k] === 'string' ? (args.values[k] as string).trim() : undefined);
    const cluster = str('cluster');
    const service = str('service');
    if (!cluster || !service) throw new UsageError(`logs needs ${!cluster ? '--cluster' : '--service'} (e.g. ecs-deploy logs --cluster demo --service web)`);
    let sinceMs: number;
    try {
      sinceMs = parseDuration(str('since') ?? DEFAULT_SINCE);
    } catch (err) {
      throw new UsageError(`--since: ${(err as Error).message}`);
    }
    const follow = args.values.follow === true;
    const conn = await connection();
    log.debug(`logs of ${cluster}/${service} in ${conn.region} (profile ${profileName(conn)}${conn.endpoint ? `, endpoint ${conn.endpoint}` : ''})`);
    const clients = new AwsClients(conn);
    let lines = 0;
    try {
      await followServiceLogs(
        { ecs: clients.ecs, logs: clients.logs, log },
        { target: { cluster, service, container: str('container') }, sinceMs, follow },
        {
          lines: (batch) => {
            lines += batch.length;
            for (const l of batch) io.stdout(l.text);
          },
          notice: (m) => log.warn(m),
        },
        io.signal,
      );
    } catch (err) {
      // Interrupting --follow is how it is meant to end, also before the first line.
      if (follow && (isAbortError(err) || io.signal.aborted)) return 0;
      throw err;
    } finally {
      clients.dispose();
    }
    if (!follow && io.signal.aborted) throw Object.assign(new Error('interrupted'), { name: 'AbortError' });
    if (!follow && lines === 0) log.info(`No log lines of service "${service}" in the last ${str('since') ?? DEFAULT_SINCE}.`);
    return 0;
  },
};
