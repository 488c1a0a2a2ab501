import { scalar, type CEntry, type CMap, type CNode } from './node';

/**
 * Compose lets `environment`, `labels`, `build.args`, `sysctls`, `extra_hosts` be a mapping
 * or a list of "KEY=VALUE" (or "KEY" alone: value null). Both become one mapping here.
 */
export function listToMap(n: CNode, separator = '='): CNode {
  if (n.kind !== 'seq') return n;
  const out: CMap = { kind: 'map', pos: n.pos, entries: new Map() };
  for (const item of n.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const s = String(item.value);
    const at = s.indexOf(separator);
    const key = at < 0 ? s : s.slice(0, at);
    const value = at < 0 ? null : s.slice(at + separator.length);
    // The value starts after "KEY=": point there so a rewrite report lands on the value.
    out.entries.set(key, { key, keyPos: item.pos, value: scalar(value, item.pos) } satisfies CEntry);
  }
  return out;
}

/** depends_on as a list means "service_started"; as a mapping each entry says its condition. */
export function dependsOnToMap(n: CNode): CNode {
  if (n.kind !== 'seq') return n;
  const out: CMap = { kind: 'map', pos: n.pos, entries: new Map() };
  for (const item of n.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const key = String(item.value);
    const cond: CMap = { kind: 'map', pos: item.pos, entries: new Map() };
    cond.entries.set('condition', { key: 'condition', keyPos: item.pos, value: scalar('service_started', item.pos) });
    out.entries.set(key, { key, keyPos: item.pos, value: cond });
  }
  return out;
}
