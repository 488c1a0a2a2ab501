import { dependsOnToMap, listToMap } from './listOrMap';
import { cloneNode, type CMap, type CNode, type CSeq } from './node';

/** Keys whose value is replaced whole, never appended (Compose spec, "Merge and override"). */
const REPLACED = new Set(['command', 'entrypoint', 'healthcheck.test']);
/** Keys that may be lists or mappings and merge as mappings. */
const MAPPISH = new Set(['environment', 'labels', 'build.args', 'sysctls', 'extra_hosts', 'annotations']);
/** Lists of unique resources: a later item replaces an earlier one with the same identity. */
const UNIQUE_BY: Record<string, (n: CNode) => string> = {
  ports: (n) => (n.kind === 'scalar' ? String(n.value) : JSON.stringify(n.kind === 'map' ? [text(n, 'target'), text(n, 'published'), text(n, 'protocol')] : n)),
  volumes: (n) => (n.kind === 'scalar' ? String(n.value).split(':')[1] ?? String(n.value) : text(n, 'target') ?? JSON.stringify(n)),
  secrets: (n) => (n.kind === 'scalar' ? String(n.value) : text(n, 'source') ?? ''),
  configs: (n) => (n.kind === 'scalar' ? String(n.value) : text(n, 'source') ?? ''),
};

function text(n: CNode, key: string): string | undefined {
  const v = n.kind === 'map' ? n.entries.get(key)?.value : undefined;
  return v?.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
}

/** Merges `over` onto `base` by the Compose merge rules; returns a new node, inputs untouched. */
export function mergeNodes(base: CNode, over: CNode, path: readonly string[] = []): CNode {
  // Rules are about service keys: "services.<name>.<key…>" → "<key…>".
  const key = path[0] === 'services' && path.length >= 3 ? path.slice(2).join('.') : `/${path.join('.')}`;
  return mergeAt(base, over, path, key);
}

/** Merges two versions of one service (for `extends`), the extending one winning. */
export function mergeServices(base: CNode, over: CNode): CNode {
  return mergeNodes(base, over, ['services', '-']);
}

let anonymous = 0;

function mergeAt(base: CNode, over: CNode, path: readonly string[], key: string): CNode {
  if (REPLACED.has(key)) return cloneNode(over);
  if (MAPPISH.has(key)) {
    base = listToMap(base);
    over = listToMap(over);
  } else if (key === 'depends_on') {
    base = dependsOnToMap(base);
    over = dependsOnToMap(over);
  }
  if (base.kind === 'map' && over.kind === 'map') {
    const out: CMap = { kind: 'map', pos: base.pos, entries: new Map() };
    for (const [k, e] of base.entries) out.entries.set(k, { ...e, value: cloneNode(e.value) });
    for (const [k, e] of over.entries) {
      const prev = out.entries.get(k);
      out.entries.set(k, prev ? { ...e, value: mergeNodes(prev.value, e.value, [...path, k]) } : { ...e, value: cloneNode(e.value) });
    }
    return out;
  }
  if (base.kind === 'seq' && over.kind === 'seq') {
    const identity = UNIQUE_BY[key] ?? ((n: CNode) => (n.kind === 'scalar' ? `s:${String(n.value)}` : `o:${anonymous++}`));
    const items = new Map<string, CNode>();
    for (const n of [...base.items, ...over.items]) {
      const id = identity(n);
      items.delete(id);
      items.set(id, cloneNode(n));
    }
    return { kind: 'seq', pos: base.pos, items: [...items.values()] } satisfies CSeq;
  }
  return cloneNode(over);
}
