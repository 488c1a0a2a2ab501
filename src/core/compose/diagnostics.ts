/** Where a compose value came from; line and col are 1-based. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** One finding about the compose project, pointing at the YAML node (or env-file line) it is about. */
export interface ComposeDiagnostic extends SourcePos {
  readonly severity: Severity;
  readonly message: string;
  /** Stable id of the rule, e.g. "bind-mount"; editors key quick fixes on it. */
  readonly code?: string;
  /** Extra facts a quick fix needs (service name, variable name…). */
  readonly data?: Readonly<Record<string, string>>;
}

/** Collects diagnostics while the converter walks the project. */
export class DiagnosticBag {
  readonly items: ComposeDiagnostic[] = [];

  add(severity: Severity, pos: SourcePos, message: string, code?: string, data?: Record<string, string>): void {
    this.items.push({ severity, file: pos.file, line: pos.line, col: pos.col, message, ...(code ? { code } : {}), ...(data ? { data } : {}) });
  }
  error(pos: SourcePos, message: string, code?: string, data?: Record<string, string>): void {
    this.add('error', pos, message, code, data);
  }
  warn(pos: SourcePos, message: string, code?: string, data?: Record<string, string>): void {
    this.add('warning', pos, message, code, data);
  }
  info(pos: SourcePos, message: string, code?: string, data?: Record<string, string>): void {
    this.add('info', pos, message, code, data);
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** `PATH:LINE:COL: severity: message`, the form compilers use and editors link. */
export function formatDiagnostic(d: ComposeDiagnostic, path: string = d.file): string {
  return `${path}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

/** By file, then line and column: the order a reader goes through them. */
export function sortDiagnostics(items: readonly ComposeDiagnostic[]): ComposeDiagnostic[] {
  return [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}
