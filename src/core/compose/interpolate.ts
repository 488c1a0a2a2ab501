import type { DiagnosticBag, SourcePos } from './diagnostics';
import type { CNode } from './node';

export type EnvMap = Readonly<Record<string, string | undefined>>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Thrown for `${VAR:?err}` / `${VAR?err}` and malformed expressions; becomes an error diagnostic. */
export class InterpolationError extends Error {}

/**
 * Compose interpolation of one string: `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`,
 * `${VAR?e}`, `${VAR:+r}`, `${VAR+r}` (defaults may nest), and `$$` for a literal `$`.
 * `unset` is told about variables used without a default that are not set.
 */
export function interpolateString(s: string, env: EnvMap, unset: (name: string) => void = () => undefined): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(s, i + 2);
      if (end < 0) throw new InterpolationError(`invalid interpolation format in "${s}": missing "}"`);
      out += expand(s.slice(i + 2, end), env, unset);
      i = end + 1;
    } else {
      const m = NAME.exec(s.slice(i + 1));
      if (!m) {
        out += '$';
        i++;
        continue;
      }
      const v = env[m[0]];
      if (v === undefined) unset(m[0]);
      out += v ?? '';
      i += 1 + m[0].length;
    }
  }
  return out;
}

function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let j = from; j < s.length; j++) {
    if (s[j] === '$' && s[j + 1] === '{') {
      depth++;
      j++;
    } else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

function expand(body: string, env: EnvMap, unset: (name: string) => void): string {
  const m = NAME.exec(body);
  if (!m) throw new InterpolationError(`invalid interpolation format: "\${${body}}" needs a variable name`);
  const name = m[0];
  const rest = body.slice(name.length);
  const value = env[name];
  if (rest === '') {
    if (value === undefined) unset(name);
    return value ?? '';
  }
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!op) throw new InterpolationError(`invalid interpolation format: "\${${body}}"`);
  const arg = () => interpolateString(rest.slice(op.length), env, unset);
  const empty = value === undefined || value === '';
  switch (op) {
    case ':-':
      return empty ? arg() : value;
    case '-':
      return value === undefined ? arg() : value;
    case ':?':
      if (empty) throw new InterpolationError(`required variable ${name} is missing a value: ${arg() || `set ${name}`}`);
      return value;
    case '?':
      if (value === undefined) throw new InterpolationError(`required variable ${name} is missing a value: ${arg() || `set ${name}`}`);
      return value;
    case ':+':
      return empty ? '' : arg();
    default:
      return value === undefined ? '' : arg();
  }
}

/** Interpolates every string value of a parsed file in place; errors point at the value. */
export function interpolateTree(node: CNode, env: EnvMap, diags: DiagnosticBag): void {
  const warned = new Set<string>();
  const visit = (n: CNode): void => {
    if (n.kind === 'map') for (const e of n.entries.values()) visitValue(e, 'value');
    else if (n.kind === 'seq') n.items.forEach((_, i) => visitValue(n.items, i));
    else return;
  };
  const at = (pos: SourcePos) => (name: string) => {
    if (warned.has(name)) return;
    warned.add(name);
    diags.warn(pos, `variable ${name} is not set: it becomes an empty string (set it in the environment or .env, or write \${${name}:-default})`, 'unset-variable');
  };
  function visitValue<K extends string | number>(holder: Record<K, CNode>, key: K): void {
    const n = holder[key];
    if (n.kind !== 'scalar') return visit(n);
    if (typeof n.value !== 'string' || !n.value.includes('$')) return;
    try {
      holder[key] = { kind: 'scalar', pos: n.pos, value: interpolateString(n.value, env, at(n.pos)) } as CNode;
    } catch (e) {
      if (!(e instanceof InterpolationError)) throw e;
      diags.error(n.pos, e.message, 'interpolation');
    }
  }
  visit(node);
}
