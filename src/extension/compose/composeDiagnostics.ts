import * as path from 'node:path';
import * as vscode from 'vscode';
import { editorText, type ComposeDiagnostic } from '../../core/compose/index';
import type { Logger } from '../../core/logger';
import { userMessage } from '../../core/userError';
import { editorFileReader, isComposeDocument } from './editorFiles';
import { renderForComposeFile } from './renderForFile';

export const DIAGNOSTIC_SOURCE = 'ECS Deploy';
const DEBOUNCE_MS = 300;

/** What a quick fix needs to know about one of our diagnostics. */
export interface FixableDiagnostic {
  readonly finding: ComposeDiagnostic;
  /** The compose files of the project it came from (first = the main one). */
  readonly composeFiles: readonly string[];
  readonly projectName?: string;
}

/**
 * Problems-panel entries for compose files: the converter's findings on the exact lines,
 * refreshed as a compose file (or an env file it reads) is edited, debounced.
 */
export class ComposeDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ecs-compose');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per compose project (its first file): the files it put diagnostics on. */
  private readonly owned = new Map<string, Set<string>>();
  private readonly fixable = new Map<string, FixableDiagnostic>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the compose file after its diagnostics were refreshed (tests wait on it). */
  readonly onDidRefresh = this.changed.event;

  /**
   * The account (sts:GetCallerIdentity), for ECR image URIs and the default execution role. Looked
   * up before the first findings are shown, so they do not change once it is known.
   */
  accountId?: string;
  private accountReady: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: Logger,
    private readonly region: () => string,
    /** Looks the account up (undefined when it cannot); called at start and by `lookUpAccount`. */
    private readonly findAccount?: () => Promise<string | undefined>,
  ) {
    this.lookUpAccount(false);
    const maybe = (doc: vscode.TextDocument, delay: number) => {
      if (isComposeDocument(doc.uri)) this.schedule(doc.uri.fsPath, delay);
      else if (doc.uri.scheme === 'file') this.refreshReaders(doc.uri.fsPath, delay);
    };
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => maybe(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => maybe(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidSaveTextDocument((d) => maybe(d, 0)),
      // A compose file deleted on disk: its findings go with it once its editor closes.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isComposeDocument(d.uri) && editorFileReader(d.uri.fsPath) === undefined) this.forget(d.uri.fsPath);
      }),
    );
    for (const d of vscode.workspace.textDocuments) maybe(d, 0);
  }

  /** Looks the account up again (e.g. another profile); findings shown so far are refreshed when it changes. */
  lookUpAccount(refreshShown = true): void {
    if (!this.findAccount) return;
    const lookup = this.findAccount().then(
      (id) => {
        const changed = id !== this.accountId;
        this.accountId = id;
        if (changed && refreshShown) for (const owner of this.owned.keys()) this.schedule(owner, 0);
      },
      (err: unknown) => this.log.debug(`compose diagnostics: account unknown: ${userMessage(err)}`),
    );
    this.accountReady = lookup;
  }

  /** Looks up the finding behind a diagnostic shown in `uri` (code actions get copies). */
  lookup(uri: vscode.Uri, d: vscode.Diagnostic): FixableDiagnostic | undefined {
    return this.fixable.get(key(uri.fsPath, d.range.start.line + 1, d.range.start.character + 1, codeOf(d)));
  }

  schedule(composeFile: string, delay = DEBOUNCE_MS): void {
    clearTimeout(this.timers.get(composeFile));
    this.timers.set(
      composeFile,
      setTimeout(() => {
        this.timers.delete(composeFile);
        void this.accountReady.then(() => this.refresh(composeFile));
      }, delay),
    );
  }

  /** Re-renders the project of `composeFile` and replaces the diagnostics it owns. */
  refresh(composeFile: string): ComposeDiagnostic[] {
    let findings: ComposeDiagnostic[] = [];
    let composeFiles: readonly string[] = [composeFile];
    let projectName: string | undefined;
    try {
      const r = renderForComposeFile(composeFile, { region: this.region(), accountId: this.accountId });
      findings = r.diagnostics;
      composeFiles = r.files;
      projectName = r.projectName;
    } catch (err) {
      this.log.debug(`compose diagnostics for ${composeFile}: ${userMessage(err)}`);
    }
    const owner = composeFiles[0] ?? composeFile;
    for (const f of this.owned.get(owner) ?? []) this.collection.delete(vscode.Uri.file(f));
    for (const k of [...this.fixable.keys()]) if (this.fixable.get(k)?.composeFiles[0] === owner) this.fixable.delete(k);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const f of findings) {
      const d = toVscode(f);
      (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(d);
      this.fixable.set(key(f.file, f.line, f.col, f.code), { finding: f, composeFiles, projectName });
    }
    for (const [file, diags] of byFile) this.collection.set(vscode.Uri.file(file), diags);
    this.owned.set(owner, new Set(byFile.keys()));
    this.changed.fire(composeFile);
    return findings;
  }

  private forget(composeFile: string): void {
    for (const [owner, files] of this.owned) {
      if (owner !== composeFile) continue;
      for (const f of files) this.collection.delete(vscode.Uri.file(f));
      this.owned.delete(owner);
    }
  }

  /** An env file or bind-mounted file changed: refresh the projects that reported on it. */
  private refreshReaders(file: string, delay: number): void {
    for (const [owner, files] of this.owned) if (files.has(file)) this.schedule(owner, delay);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.collection.dispose();
  }
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

function toVscode(f: ComposeDiagnostic): vscode.Diagnostic {
  const line = Math.max(0, f.line - 1);
  const start = Math.max(0, f.col - 1);
  // Underline from the node to the end of its line's text: the value the finding is about.
  const text = editorFileReader(f.file)?.split(/\r?\n/)[line] ?? '';
  const end = Math.max(start + 1, text.trimEnd().length);
  const d = new vscode.Diagnostic(new vscode.Range(line, start, line, end), editorText(f), SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  if (f.code) d.code = f.code;
  return d;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function key(file: string, line: number, col: number, code: string | undefined): string {
  return `${path.resolve(file)}:${line}:${col}:${code ?? ''}`;
}
