/** Compose durations ("1m30s", "500ms", "10s", or a bare number of seconds) in seconds; undefined if malformed. */
export function parseDurationSeconds(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const n = Number(m[1]);
    total += n * { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 }[m[2] as 'h'];
    matched = re.lastIndex;
  }
  return matched === s.length && s.length > 0 ? total : undefined;
}

/** Compose byte sizes ("512m", "1g", "1.5GB", "100000", "64k") in MiB, rounded up; undefined if malformed. */
export function parseMemoryMiB(v: string | number): number | undefined {
  if (typeof v === 'number') return v > 0 && Number.isFinite(v) ? Math.ceil(v / 1048576) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)i?b?\s*$/i.exec(v);
  if (!m) return undefined;
  const unit = { '': 1, b: 1, k: 1024, m: 1048576, g: 1073741824, t: 1099511627776 }[m[2].toLowerCase() as 'k'];
  const bytes = Number(m[1]) * unit;
  return bytes > 0 ? Math.ceil(bytes / 1048576) : undefined;
}
