import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LogEvent } from '../core/logs/logEvent';

/** FilterLogEvents takes at most 100 stream names per call. */
export const MAX_STREAM_NAMES = 100;
/** The API's page maximum: fewer, fuller calls keep a group's call rate low. */
export const FILTER_PAGE_LIMIT = 10000;

export interface FilterQuery {
  readonly group: string;
  /** Only these streams (≤ 100); undefined = every stream of the group. */
  readonly streams?: readonly string[];
  readonly startTime: number;
  readonly endTime?: number;
  readonly limit?: number;
}

/**
 * The pages of one FilterLogEvents query, one call per page, following nextToken. A generator
 * so the caller decides when the next call may go out (rate limits) and can stop early.
 */
export async function* filterLogEventPages(
  logs: CloudWatchLogsClient,
  q: FilterQuery,
  signal?: AbortSignal,
): AsyncGenerator<{ events: LogEvent[]; more: boolean }> {
  if (q.streams && q.streams.length > MAX_STREAM_NAMES) throw new RangeError(`at most ${MAX_STREAM_NAMES} stream names per query`);
  let nextToken: string | undefined;
  do {
    const out = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: q.group,
        logStreamNames: q.streams?.length ? [...q.streams] : undefined,
        startTime: q.startTime,
        endTime: q.endTime,
        limit: q.limit ?? FILTER_PAGE_LIMIT,
        nextToken,
      }),
      { abortSignal: signal },
    );
    const events: LogEvent[] = [];
    for (const e of out.events ?? []) {
      if (e.eventId === undefined || e.timestamp === undefined || e.logStreamName === undefined) continue;
      events.push({ eventId: e.eventId, timestamp: e.timestamp, message: e.message ?? '', logStreamName: e.logStreamName, ingestionTime: e.ingestionTime });
    }
    // A token that does not advance would loop forever: treat it as the end.
    nextToken = out.nextToken && out.nextToken !== nextToken ? out.nextToken : undefined;
    yield { events, more: nextToken !== undefined };
  } while (nextToken);
}

/** The group's ARN (for Live Tail), or undefined when the group does not exist. */
export async function findLogGroup(logs: CloudWatchLogsClient, group: string, signal?: AbortSignal): Promise<{ arn?: string } | undefined> {
  let nextToken: string | undefined;
  do {
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group, nextToken }), { abortSignal: signal });
    const hit = out.logGroups?.find((g) => g.logGroupName === group);
    if (hit) return { arn: hit.logGroupArn ?? hit.arn?.replace(/:\*$/, '') };
    nextToken = out.nextToken;
  } while (nextToken);
  return undefined;
}

export interface StreamSummary {
  readonly name: string;
  readonly lastEventTimestamp?: number;
}

/** The streams of a group with recent events first (one page: the newest `limit`). */
export async function recentLogStreams(logs: CloudWatchLogsClient, group: string, signal?: AbortSignal, limit = 50): Promise<StreamSummary[]> {
  const out = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', descending: true, limit }), {
    abortSignal: signal,
  });
  return (out.logStreams ?? []).flatMap((s) => (s.logStreamName ? [{ name: s.logStreamName, lastEventTimestamp: s.lastEventTimestamp }] : []));
}

/** The newest `limit` events of one stream, oldest first (GetLogEvents from the tail). */
export async function lastLogEvents(logs: CloudWatchLogsClient, group: string, stream: string, limit: number, signal?: AbortSignal): Promise<LogEvent[]> {
  const out = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit, startFromHead: false }), { abortSignal: signal });
  // GetLogEvents has no eventId; stream + position identify an event well enough for display.
  return (out.events ?? []).map((e, i) => ({ eventId: `${stream}#${i}`, timestamp: e.timestamp ?? 0, message: e.message ?? '', logStreamName: stream, ingestionTime: e.ingestionTime }));
}
