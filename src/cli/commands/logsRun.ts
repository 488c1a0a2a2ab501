import { AwsClients } from '../../aws/clients';
import { abortError, isAbortError } from '../../core/abort';
import { profileName } from '../../core/connection';
import { requireDuration } from '../../core/duration';
import { followServiceLogs } from '../../flows/followLogs';
import { UsageError } from '../args';
import type { CommandContext } from '../command';
import { DEFAULT_SINCE } from './logs';

export async function run({ io, args, connection, log }: CommandContext): Promise<number> {
  const str = (k: string) => (typeof args.values[k] === 'string' ? (args.values[k] as string).trim() : undefined);
  const cluster = str('cluster');
  const service = str('service');
  if (!cluster || !service) throw new UsageError(`logs needs ${!cluster ? '--cluster' : '--service'} (e.g. ecs-deploy logs --cluster demo --service web)`);
  let sinceMs: number;
  try {
    sinceMs = requireDuration(str('since') ?? DEFAULT_SINCE);
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
  if (!follow && io.signal.aborted) throw abortError('interrupted');
  if (!follow && lines === 0) log.info(`No log lines of service "${service}" in the last ${str('since') ?? DEFAULT_SINCE}.`);
  return 0;
}
