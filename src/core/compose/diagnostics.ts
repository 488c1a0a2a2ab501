/** Where a compose value came from; line and col are 1-based. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding whose remedy depends on where it is read: the command line passes a flag, the editor
 * edits an `x-ecs` key, a setting or runs a command. Both say the same finding.
 */
export interface FaceMessage {
  readonly cli: string;
  readonly editor: string;
}

/** One finding about the compose project, pointing at the YAML node (or env-file line) it is about. */
export interface ComposeDiagnostic extends SourcePos {
  readonly severity: Severity;
  /** The command line's wording. */
  readonly message: string;
  /** The editor's wording, where the remedy differs (no flags to pass in an editor). */
  readonly editorMessage?: string;
  /** Stable id of the rule, e.g. "bind-mount"; editors key quick fixes on it. */
  readonly code?: string;
  /** Extra facts a quick fix needs (service name, variable name…). */
  readonly data?: Readonly<Record<string, string>>;
}

/** Collects diagnostics while the converter walks the project. */
export class DiagnosticBag {
  readonly items: ComposeDiagnostic[] = [];

  add(severity: Severity, pos: SourcePos, message: string | FaceMessage, code?: string, data?: Record<string, string>): void {
    const text = typeof message === 'string' ? { message } : { message: message.cli, editorMessage: message.editor };
    this.items.push({ severity, file: pos.file, line: pos.line, col: pos.col, ...text, ...(code ? { code } : {}), ...(data ? { data } : {}) });
  }
  error(pos: SourcePos, message: string | FaceMessage, code?: string, data?: Record<string, string>): void {
    this.add('error', pos, message, code, data);
  }
  warn(pos: SourcePos, message: string | FaceMessage, code?: string, data?: Record<string, string>): void {
    this.add('warning', pos, message, code, data);
  }
  info(pos: SourcePos, message: string | FaceMessage, code?: string, data?: Record<string, string>): void {
    this.add('info', pos, message, code, data);
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** The editor's way to enable a Compose profile (it has no --profile). */
export const editorProfileHint = (profile: string): string => `add COMPOSE_PROFILES=${profile} to the project's .env file`;

/** The editor only generates Fargate task definitions: what to say where the CLI offers --launch-type ec2. */
export const EDITOR_EC2_HINT = 'the editor generates Fargate task definitions; EC2 ones come from the ecs-deploy command line';

/** A Fargate-only refusal: the CLI offers its EC2 flag, the editor says it makes Fargate tasks. */
export const ec2Only = (finding: string): FaceMessage => ({ cli: `${finding} or use --launch-type ec2`, editor: `${finding} — ${EDITOR_EC2_HINT}` });

/** What the editor shows: its own wording where the remedy differs, else the shared one. */
export function editorText(d: ComposeDiagnostic): string {
  return d.editorMessage ?? d.message;
}

/** `PATH:LINE:COL: severity: message`, the form compilers use and editors link. */
export function formatDiagnostic(d: ComposeDiagnostic, path: string = d.file): string {
  return `${path}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

/** By file, then line and column: the order a reader goes through them. */
export function sortDiagnostics(items: readonly ComposeDiagnostic[]): ComposeDiagnostic[] {
  return [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}
