import { parseDuration as parseDurationOrUndefined } from '../duration';

/** "90s", "10m", "1h", "2d" → milliseconds; anything else (or zero) is an Error that says what is accepted. */
export function parseDuration(text: string): number {
  const ms = parseDurationOrUndefined(text);
  if (ms === undefined || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new Error(`"${text}" is not a duration — write a whole number and a unit, like 90s, 10m, 1h or 2d`);
  }
  return ms;
}
