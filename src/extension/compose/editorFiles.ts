import * as path from 'node:path';
import * as vscode from 'vscode';
import { isComposeFileName, type FileReader } from '../../core/compose/index';
import { defaultComposeFiles, readFileOrUndefined } from '../../flows/renderCompose';

/**
 * Reads unsaved editor text first, then the disk. Only dirty documents are taken from the
 * editor: a clean one may lag behind a change on disk (or linger after its editor closed).
 */
export const editorFileReader: FileReader = (p) => {
  const open = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && path.resolve(d.uri.fsPath) === path.resolve(p));
  return open ? open.getText() : readFileOrUndefined(p);
};

export function isComposeDocument(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && isComposeFileName(path.basename(uri.fsPath));
}

/**
 * The files `docker compose` would merge for this one: a default file (or its override) brings
 * the default pair of its folder; any other compose file (compose.prod.yaml) stands alone.
 */
export function composeFilesFor(file: string): string[] {
  const dir = path.dirname(file);
  const defaults = defaultComposeFiles(dir, (p) => editorFileReader(p) !== undefined);
  return defaults.includes(path.resolve(file)) ? defaults : [path.resolve(file)];
}
