import * as vscode from 'vscode';

export type NotificationProgress = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * A cancellable notification around `task`; Cancel aborts `controller` (a fresh one unless the
 * caller shares its own), whose signal the task gets.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (progress: NotificationProgress, signal: AbortSignal) => Thenable<T> | Promise<T>,
  controller = new AbortController(),
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    token.onCancellationRequested(() => controller.abort());
    return task(progress, controller.signal);
  });
}
