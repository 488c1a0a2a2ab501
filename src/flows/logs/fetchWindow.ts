import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { chunk } from '../../core/chunk';
import { filterLogEventPages, MAX_STREAM_NAMES } from '../../aws/logs';
import type { LogEvent } from '../../core/logs/logEvent';
import { mergeByTimestamp } from '../../core/logs/merge';

/**
 * Every event of some streams of a group from `startTime` on, in timestamp order: the
 * backlog shown before following, and the first lines of a task that appeared meanwhile.
 */
export async function fetchWindow(
  logs: CloudWatchLogsClient,
  group: string,
  streams: readonly string[],
  startTime: number,
  signal: AbortSignal,
  onCall: () => void = () => undefined,
): Promise<LogEvent[]> {
  const lists: LogEvent[][] = [];
  for (const names of chunk(streams, MAX_STREAM_NAMES)) {
    const events: LogEvent[] = [];
    for await (const page of filterLogEventPages(logs, { group, streams: names, startTime }, signal)) {
      onCall();
      for (const e of page.events) events.push(e);
    }
    lists.push(events.sort((a, b) => a.timestamp - b.timestamp));
  }
  return mergeByTimestamp(lists);
}
