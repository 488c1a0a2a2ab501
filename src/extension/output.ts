import * as vscode from 'vscode';
import type { Logger } from '../core/logger';

/** The one "ECS Deploy" log channel, and the Logger every lower layer is given. */
export function createOutput(): { channel: vscode.LogOutputChannel; logger: Logger } {
  const channel = vscode.window.createOutputChannel('ECS Deploy', { log: true });
  const logger: Logger = {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => channel.error(m),
  };
  return { channel, logger };
}
