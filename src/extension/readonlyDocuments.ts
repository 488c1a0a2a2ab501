import * as vscode from 'vscode';

export const READONLY_SCHEME = 'ecs-deploy';

/** Read-only documents (task definitions, service events): content kept in memory, never on disk. */
export class ReadonlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(READONLY_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Holds `content` under `name` and returns its URI (e.g. one side of a diff). */
  put(name: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/${name}` });
    this.set(uri, content);
    return uri;
  }

  /** Sets the content of a read-only URI of our scheme (e.g. one side of a diff). */
  set(uri: vscode.Uri, content: string): void {
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
  }

  /** Opens (or updates) the document `name` with `content`, read-only, in `language`. */
  async show(name: string, content: string, language: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: READONLY_SCHEME, path: `/${name}` });
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, language);
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
