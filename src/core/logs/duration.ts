const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "10m", "1h", "2d" → milliseconds; anything else is an Error that says what is accepted. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*([smhd])$/i.exec(text.trim());
  const ms = m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : NaN;
  if (!m || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new Error(`"${text}" is not a duration — write a whole number and a unit, like 90s, 10m, 1h or 2d`);
  }
  return ms;
}
