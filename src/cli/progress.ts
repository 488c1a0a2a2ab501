import type { ProgressReporter } from '../core/logger';

/**
 * Progress as stderr lines: a new step prints at once, updates of the same step ("Pushing 3
 * layers 45%") at most once a second, so logs of CI runs stay readable.
 */
export function stderrProgress(write: (line: string) => void, now: () => number = Date.now): ProgressReporter {
  let last = '';
  let lastKind = '';
  let lastAt = 0;
  return {
    report({ message }) {
      if (!message || message === last) return;
      // Only amounts change within one kind of update; a new step number is news.
      const kind = message.replace(/\d+(\.\d+)?\s*(%|[kMGT]?B)/g, '#');
      if (kind === lastKind && now() - lastAt < 1000) return;
      last = message;
      lastKind = kind;
      lastAt = now();
      write(`… ${message}`);
    },
  };
}
