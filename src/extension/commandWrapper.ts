import * as vscode from 'vscode';
import { isAbortError } from '../core/abort';
import type { Logger, ProgressReporter } from '../core/logger';
import { EmptyRegionError, userMessage } from '../core/userError';
import { SELECT_REGION_COMMAND, SHOW_EXTENSION_LOG_COMMAND } from './commandIds';
import { withCancellableProgress } from './progress';

/** What a command body gets: a signal tied to Cancel, a progress sink and the log. */
export interface CommandRun {
  readonly signal: AbortSignal;
  readonly progress: ProgressReporter;
  readonly log: Logger;
  /**
   * A cancellable notification for the long part of a command that first asks questions
   * (pickers must not sit under a progress notification); Cancel aborts `signal`.
   */
  withProgress<T>(title: string, task: (progress: ProgressReporter) => Promise<T>): Promise<T>;
}

export interface CommandOptions {
  /** Shows a cancellable notification with this title while the command runs. */
  readonly progressTitle?: string;
}

export type CommandBody = (run: CommandRun, ...args: unknown[]) => Promise<unknown>;

/**
 * Every command goes through here: progress + cancellation, failures logged in full and
 * shown as one sentence with the action that helps (Select Region… for an empty region, else
 * Show Extension Log), cancellation silent.
 */
export function registerWrappedCommand(
  id: string,
  body: CommandBody,
  log: Logger,
  options: CommandOptions = {},
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const controller = new AbortController();
    const withProgress = <T>(title: string, task: (progress: ProgressReporter) => Promise<T>): Promise<T> =>
      Promise.resolve(withCancellableProgress(title, (progress) => task(progress), controller));
    const execute = (progress: ProgressReporter) => body({ signal: controller.signal, progress, log, withProgress }, ...args);
    try {
      if (!options.progressTitle) return await execute({ report: () => undefined });
      return await withCancellableProgress(options.progressTitle, (progress) => execute(progress), controller);
    } catch (err) {
      if (isAbortError(err) || controller.signal.aborted) {
        log.info(`${id}: cancelled`);
        return undefined;
      }
      const message = userMessage(err);
      log.error(`${id} failed: ${message}`);
      if (err instanceof Error && err.stack) log.debug(err.stack);
      const [action, command] = err instanceof EmptyRegionError ? ['Select Region…', SELECT_REGION_COMMAND] : ['Show Extension Log', SHOW_EXTENSION_LOG_COMMAND];
      void vscode.window.showErrorMessage(message, action).then((choice) => {
        if (choice) void vscode.commands.executeCommand(command);
      });
      return undefined;
    }
  });
}
