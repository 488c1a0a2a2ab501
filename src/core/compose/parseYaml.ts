import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { DiagnosticBag, SourcePos } from './diagnostics';
import { scalar, type CEntry, type CMap, type CNode } from './node';

/** Guards against alias bombs ("billion laughs"): a compose file never needs this many nodes. */
const MAX_NODES = 200_000;

/**
 * Parses one compose file into position-carrying nodes. Anchors and aliases are expanded and
 * `<<` merge keys applied (explicit keys win over merged ones). YAML errors become diagnostics.
 */
export function parseComposeYaml(file: string, source: string, diags: DiagnosticBag): CNode | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: false });
  const posAt = (offset: number | undefined): SourcePos => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line, col };
  };
  for (const e of doc.errors) diags.error(posAt(e.pos[0]), `invalid YAML: ${e.message.split('\n')[0]}`, 'yaml');
  if (doc.errors.length > 0) return undefined;
  let budget = MAX_NODES;
  const active = new Set<YamlNode>();

  const convert = (node: unknown, at: SourcePos): CNode => {
    if (--budget < 0) throw new AliasBomb();
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      const pos = posAt(node.range?.[0]);
      if (!target) throw new BadAlias(pos, `unknown alias *${node.source}`);
      if (active.has(target)) throw new BadAlias(pos, `alias *${node.source} refers to itself`);
      active.add(target);
      try {
        return { ...convert(target, pos), pos } as CNode;
      } finally {
        active.delete(target);
      }
    }
    if (isMap(node)) {
      const pos = posAt(node.range?.[0]);
      const out: CMap = { kind: 'map', pos, entries: new Map() };
      const merged: CEntry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyPos = posAt(keyNode?.range?.[0] ?? node.range?.[0]);
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode == null ? '' : String(keyNode);
        if (key === '<<' && !(isScalar(keyNode) && keyNode.type && keyNode.type !== 'PLAIN')) {
          const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const src of sources) {
            const m = convert(src, keyPos);
            if (m.kind !== 'map') throw new BadAlias(keyPos, 'a "<<" merge key takes a mapping or a list of mappings');
            for (const e of m.entries.values()) merged.push(e);
          }
          continue;
        }
        out.entries.set(key, { key, keyPos, value: pair.value == null ? scalar(null, keyPos) : convert(pair.value, keyPos) });
      }
      // Merged keys only fill what the mapping does not say itself; earlier sources win.
      for (const e of merged) if (!out.entries.has(e.key)) out.entries.set(e.key, e);
      return out;
    }
    if (isSeq(node)) {
      return { kind: 'seq', pos: posAt(node.range?.[0]), items: node.items.map((i) => convert(i, at)) };
    }
    if (isScalar(node)) {
      const v = node.value;
      const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      return scalar(value, posAt(node.range?.[0]));
    }
    return scalar(null, at);
  };

  try {
    const top = posAt(0);
    if (doc.contents == null) return { kind: 'map', pos: top, entries: new Map() };
    return convert(doc.contents, top);
  } catch (e) {
    if (e instanceof BadAlias) diags.error(e.pos, e.message, 'yaml');
    else if (e instanceof AliasBomb) diags.error(posAt(0), `the file expands to more than ${MAX_NODES} values through aliases`, 'yaml');
    else throw e;
    return undefined;
  }
}

class AliasBomb extends Error {}
class BadAlias extends Error {
  constructor(
    readonly pos: SourcePos,
    message: string,
  ) {
    super(message);
  }
}
