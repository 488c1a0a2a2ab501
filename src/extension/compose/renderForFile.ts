import * as path from 'node:path';
import type { RenderOptions } from '../../core/compose/index';
import { renderComposeProject, type RenderComposeResult } from '../../flows/renderCompose';
import { composeFilesFor, editorFileReader } from './editorFiles';

/** Renders the project a compose file belongs to, reading unsaved editor text. */
export function renderForComposeFile(file: string, options: RenderOptions): RenderComposeResult {
  return renderComposeProject({
    files: composeFilesFor(file),
    projectDirectory: path.dirname(file),
    processEnv: process.env,
    cwd: path.dirname(file),
    options,
    readFile: editorFileReader,
  });
}
