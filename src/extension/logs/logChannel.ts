import * as vscode from 'vscode';
import { LineBuffer, skippedNote } from '../../core/logs/lineBuffer';
import { MAX_BACKLOG_SETTING } from './logsSettings';

const FLUSH_MS = 200;

/**
 * The plain OutputChannel "ECS Logs: <service>". Lines are buffered and appended in batches
 * (a burst of thousands of lines is one append, not thousands); the buffer and the channel are
 * bounded by maxLines, and what had to go is said in a "skipped N lines" note.
 */
export class LogChannel implements vscode.Disposable {
  readonly channel: vscode.OutputChannel;
  private readonly buffer: LineBuffer;
  /** The newest lines in the channel, to rewrite it when it grows past twice the bound. */
  private kept: string[] = [];
  private trimmed = 0;
  private timer?: NodeJS.Timeout;
  private disposed = false;
  /** Lines handed to the channel so far (for tests and the log). */
  appended = 0;

  constructor(
    readonly name: string,
    readonly maxLines: number,
    private readonly onDispose: () => void = () => undefined,
  ) {
    this.channel = vscode.window.createOutputChannel(name);
    this.buffer = new LineBuffer(maxLines);
  }

  push(lines: readonly string[]): void {
    if (this.disposed || !lines.length) return;
    this.buffer.push(lines);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** A line of ours (not a log event), written at once. */
  note(message: string): void {
    this.push([`[ECS Deploy] ${message}`]);
  }

  recent(n: number): string[] {
    return this.kept.slice(-n);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    const { lines, skipped } = this.buffer.take();
    const out = skipped ? [skippedNote(skipped, MAX_BACKLOG_SETTING), ...lines] : lines;
    if (!out.length) return;
    this.appended += lines.length;
    for (const l of out) this.kept.push(l);
    if (this.kept.length > 2 * this.maxLines) {
      // The channel itself would grow without end: keep the newest maxLines lines.
      const hadNote = this.trimmed > 0 ? 1 : 0;
      const dropped = this.kept.length - this.maxLines;
      this.trimmed += dropped - hadNote;
      this.kept = [skippedNote(this.trimmed, MAX_BACKLOG_SETTING), ...this.kept.slice(dropped)];
      this.channel.replace(this.kept.join('\n') + '\n');
      return;
    }
    this.channel.append(out.join('\n') + '\n');
  }

  dispose(): void {
    if (this.disposed) return;
    this.flush();
    this.disposed = true;
    this.channel.dispose();
    this.onDispose();
  }
}
