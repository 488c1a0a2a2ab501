/** Joins stream fragments ("Step 1/3 : FROM x" then "\n") into whole lines. */
export function lineSplitter(onLine: (line: string) => void): { push(text: string): void; flush(): void } {
  let pending = '';
  return {
    push(text) {
      pending += text;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        if (line.trim()) onLine(line);
      }
    },
    flush() {
      if (pending.trim()) onLine(pending);
      pending = '';
    },
  };
}
