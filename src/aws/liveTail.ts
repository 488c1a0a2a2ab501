import { StartLiveTailCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

export interface LiveTailEvent {
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime?: number;
}

/**
 * Streams a Live Tail session (billed per minute: the caller aborts it as soon as nobody
 * looks) until the signal fires or the session ends (after 3 h, or on a streaming error).
 * Rejects when the session cannot start — the caller then polls FilterLogEvents instead.
 * `logs` must have been made with disableHostPrefix when a custom endpoint is in use.
 */
export async function runLiveTail(
  logs: CloudWatchLogsClient,
  query: { groupArn: string; streams?: readonly string[] },
  onEvents: (events: LiveTailEvent[]) => void,
  signal: AbortSignal,
  onStarted: () => void = () => undefined,
): Promise<'ended'> {
  const out = await logs.send(
    new StartLiveTailCommand({ logGroupIdentifiers: [query.groupArn], logStreamNames: query.streams?.length ? [...query.streams] : undefined }),
    { abortSignal: signal },
  );
  if (!out.responseStream) throw new Error('StartLiveTail returned no stream');
  onStarted();
  for await (const item of out.responseStream) {
    if (item.SessionStreamingException) throw new Error(`Live Tail stream failed: ${item.SessionStreamingException.message ?? 'unknown'}`);
    if (item.SessionTimeoutException) break;
    const results = item.sessionUpdate?.sessionResults ?? [];
    const events = results.flatMap((e) =>
      e.logStreamName && e.timestamp !== undefined
        ? [{ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message ?? '', ingestionTime: e.ingestionTime }]
        : [],
    );
    if (events.length) onEvents(events);
  }
  return 'ended';
}
