import type { DiagnosticBag, SourcePos } from './diagnostics';
import { interpolateString, InterpolationError, type EnvMap } from './interpolate';

export interface EnvFileEntry {
  readonly name: string;
  readonly value: string;
  /** Where the value starts, so reports land on it. */
  readonly pos: SourcePos;
}

/**
 * Parses a dotenv file as Compose does: `KEY=VALUE`, `export KEY=VALUE`, `#` comments,
 * single quotes literal, double quotes with \n \t \\ \" escapes, `${VAR}` interpolated
 * (except in single quotes). A line without "=" is a diagnostic, not a silent drop.
 */
export function parseEnvFile(file: string, source: string, env: EnvMap, diags?: DiagnosticBag): EnvFileEntry[] {
  const out: EnvFileEntry[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = /^(\s*(?:export\s+)?)([^=\s]+)\s*(=?)\s*/.exec(line);
    const pos = (col: number): SourcePos => ({ file, line: i + 1, col });
    if (!m || !m[3]) {
      diags?.warn(pos(1), `"${trimmed.slice(0, 40)}" is not NAME=VALUE: the line is ignored`, 'env-file-syntax');
      return;
    }
    const name = m[2];
    const col = m[0].length + 1;
    let value = line.slice(m[0].length);
    let literal = false;
    if (value.startsWith("'")) {
      const end = value.indexOf("'", 1);
      value = end < 0 ? value.slice(1) : value.slice(1, end);
      literal = true;
    } else if (value.startsWith('"')) {
      const end = closingQuote(value);
      value = (end < 0 ? value.slice(1) : value.slice(1, end)).replace(/\\([nrt"\\$])/g, (_, c: string) =>
        c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === '$' ? '$$' : c,
      );
    } else {
      value = value.replace(/\s+#.*$/, '').trimEnd();
    }
    if (!literal && value.includes('$')) {
      try {
        value = interpolateString(value, env);
      } catch (e) {
        if (!(e instanceof InterpolationError)) throw e;
        diags?.error(pos(col), e.message, 'interpolation');
      }
    }
    out.push({ name, value, pos: pos(col) });
  });
  return out;
}

function closingQuote(s: string): number {
  for (let j = 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j;
  }
  return -1;
}
