/** "90s", "10m", "1h", "1h30m", "500ms" → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(ms|s|m|h|d))+$/.test(t)) return undefined;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  for (const m of t.matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(m[1]) * unit[m[2]];
  return total;
}

/** 95_000 → "1m35s", for messages. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', sec || (!h && !m) ? `${sec}s` : ''].join('');
}

/** parseDuration for a value that must be one: anything else (or zero) is an Error that says what is accepted. */
export function requireDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new Error(`"${text}" is not a duration — write a whole number and a unit, like 90s, 10m, 1h or 2d`);
  }
  return ms;
}
