import type { SourcePos } from './diagnostics';

/** A YAML value with the position it came from, so every rule can point at the exact line. */
export type CNode = CMap | CSeq | CScalar;

export interface CEntry {
  readonly key: string;
  readonly keyPos: SourcePos;
  value: CNode;
}

export interface CMap {
  readonly kind: 'map';
  readonly pos: SourcePos;
  readonly entries: Map<string, CEntry>;
}

export interface CSeq {
  readonly kind: 'seq';
  readonly pos: SourcePos;
  readonly items: CNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface CScalar {
  readonly kind: 'scalar';
  readonly pos: SourcePos;
  readonly value: ScalarValue;
}

export const scalar = (value: ScalarValue, pos: SourcePos): CScalar => ({ kind: 'scalar', value, pos });

export const isMap = (n: CNode | undefined): n is CMap => n?.kind === 'map';
export const isSeq = (n: CNode | undefined): n is CSeq => n?.kind === 'seq';
export const isScalar = (n: CNode | undefined): n is CScalar => n?.kind === 'scalar';

export function get(n: CNode | undefined, key: string): CNode | undefined {
  return isMap(n) ? n.entries.get(key)?.value : undefined;
}

export function entry(n: CNode | undefined, key: string): CEntry | undefined {
  return isMap(n) ? n.entries.get(key) : undefined;
}

/** A scalar as text (numbers and booleans too); undefined for maps, lists and null. */
export function text(n: CNode | undefined): string | undefined {
  if (!isScalar(n) || n.value === null) return undefined;
  return String(n.value);
}

export function bool(n: CNode | undefined): boolean | undefined {
  if (!isScalar(n)) return undefined;
  if (typeof n.value === 'boolean') return n.value;
  if (n.value === 'true') return true;
  if (n.value === 'false') return false;
  return undefined;
}

/** A plain JS copy, for values that are passed through or compared. */
export function toPlain(n: CNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toPlain);
  return Object.fromEntries([...n.entries.values()].map((e) => [e.key, toPlain(e.value)]));
}

export function cloneNode<T extends CNode>(n: T): T {
  if (n.kind === 'scalar') return { ...n };
  if (n.kind === 'seq') return { ...n, items: n.items.map(cloneNode) } as T;
  return { ...n, entries: new Map([...n.entries].map(([k, e]) => [k, { ...e, value: cloneNode(e.value) }])) } as T;
}
