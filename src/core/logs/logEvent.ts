/** One CloudWatch Logs event, as FilterLogEvents returns it (Live Tail events have no eventId). */
export interface LogEvent {
  readonly eventId: string;
  readonly timestamp: number;
  readonly message: string;
  readonly logStreamName: string;
  readonly ingestionTime?: number;
}

/** Which container of which task wrote a stream: what a line is prefixed with. */
export interface LogSource {
  readonly container: string;
  readonly taskId: string;
}
