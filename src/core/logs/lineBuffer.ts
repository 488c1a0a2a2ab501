/** What a flush hands over: the lines kept, and how many older ones were dropped to stay bounded. */
export interface LineBatch {
  readonly lines: string[];
  readonly skipped: number;
}

/**
 * Lines waiting to be appended, bounded: a burst larger than `maxLines` keeps the newest lines
 * and counts the rest, so the reader is told "skipped N lines" instead of the editor freezing.
 */
export class LineBuffer {
  private lines: string[] = [];
  private skipped = 0;

  constructor(readonly maxLines: number) {
    if (!(maxLines >= 1)) throw new RangeError(`maxLines must be at least 1, got ${maxLines}`);
  }

  get size(): number {
    return this.lines.length;
  }

  push(lines: readonly string[]): void {
    for (const l of lines) this.lines.push(l); // no spread: a burst can exceed the argument limit
    const over = this.lines.length - this.maxLines;
    if (over > 0) {
      this.lines.splice(0, over);
      this.skipped += over;
    }
  }

  take(): LineBatch {
    const batch = { lines: this.lines, skipped: this.skipped };
    this.lines = [];
    this.skipped = 0;
    return batch;
  }
}

/** The note written in place of dropped lines. */
export function skippedNote(skipped: number, setting: string): string {
  return `… skipped ${skipped} line${skipped === 1 ? '' : 's'} (more arrived at once than ${setting} keeps) …`;
}
