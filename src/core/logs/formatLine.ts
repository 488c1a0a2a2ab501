import type { LogEvent, LogSource } from './logEvent';
import { shortTaskId } from './streamNames';

export type TimeZoneChoice = 'local' | 'utc';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * "12:03:04.120" of an event's own timestamp (when the container wrote it, never ingestion
 * time). Local time by default: the person reading it compares it with their clock.
 */
export function formatClock(timestamp: number, zone: TimeZoneChoice = 'local'): string {
  const d = new Date(timestamp);
  return zone === 'utc'
    ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
    : `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * `HH:MM:SS.mmm <container> <short task id> | <message>` — the one line format of the CLI and the
 * editor. The message is kept as written, except the line break the driver may leave at its end.
 */
export function formatLogLine(event: Pick<LogEvent, 'timestamp' | 'message'>, source: LogSource, zone: TimeZoneChoice = 'local'): string {
  return `${formatClock(event.timestamp, zone)} ${source.container} ${shortTaskId(source.taskId)} | ${event.message.replace(/\r?\n$/, '')}`;
}
