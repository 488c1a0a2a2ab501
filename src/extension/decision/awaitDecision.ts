/**
 * A yes/no decision the user cannot lose while reading what it is about (a deploy's diff, a
 * launch preview). One decision is pending at a time.
 *
 *   const proceed = await awaitDecision({
 *     title: 'Deploy sample-app:3 to web?',
 *     question: 'Deploy sample-app:3 to web? The diff shows what changes compared with sample-app:2.',
 *     proceedLabel: 'Deploy',            // or 'Launch' | 'Update' | 'Save': names the title-bar action and the dialog's button
 *     cancelLabel: 'Cancel',             // optional, default 'Cancel'
 *     about: { resources: [left, right] } // or { webviewViewType: 'ecsDeploy.launchPreview' }
 *     show: () => vscode.commands.executeCommand('vscode.diff', left, right, 'a ↔ b'),
 *     token,                             // optional CancellationToken (or `signal`): settles false
 *     progress,                          // optional: the caller's own progress notification to ask in
 *   });
 *
 *   settleDecision(true | false)  — settles the pending decision from elsewhere (a webview's
 *                                   Launch / Cancel button); false when none is pending.
 *   pendingDecision()            — what is pending, for tests and callers.
 *
 * While pending:
 * - the editor title of what it is about (the documents in `about.resources`, or the webview
 *   panel whose viewType is `about.webviewViewType`) shows the proceed action
 *   (ecsDeploy.decision.deploy / .launch / .update / .save, by `proceedLabel`; a new label needs
 *   its command in package.json and in PROCEED_COMMANDS) and Cancel
 *   (ecsDeploy.decision.cancel); the palette offers them too, and only then (context key
 *   ecsDeploy.decisionPending = the label in lower case).
 * - the question stays on screen in a progress notification, which VS Code never hides by itself
 *   (an ordinary message hides after seconds) and which closes the moment the decision settles,
 *   wherever it was settled (a message's buttons would linger, stale, in the notification list).
 *   Its Cancel button cancels. With `progress`, the question goes into the caller's notification
 *   (whose Cancel must reach `token`/`signal`) instead of a second one.
 * - once everything it is about is closed, the reading is over: the question becomes a modal
 *   dialog (proceed, "Show Again" when `show` is given, Cancel). Never modal before: a dialog
 *   would cover what it asks about.
 * `show` is called first, and again on "Show Again".
 */
import * as vscode from 'vscode';
import { CANCEL_DECISION_COMMAND, PROCEED_COMMANDS } from '../commandIds';

/** The proceed action's label; each has its command (PROCEED_COMMANDS) with its own title and icon. */
export type ProceedLabel = keyof typeof PROCEED_COMMANDS;

export interface DecisionRequest {
  /** Short: the notification's and the modal's title line, e.g. "Deploy sample-app:3 to web?". */
  readonly title: string;
  /** The whole question, shown in the notification and the modal. */
  readonly question: string;
  readonly proceedLabel: ProceedLabel;
  readonly cancelLabel?: string;
  /** What the decision is about: where the title-bar action shows, and whose closing asks modally. */
  readonly about?: { readonly resources?: readonly vscode.Uri[]; readonly webviewViewType?: string };
  /** Opens (again) what the decision is about. */
  readonly show?: () => Thenable<unknown>;
  readonly token?: vscode.CancellationToken;
  readonly signal?: AbortSignal;
  /** The caller's progress notification (Cancel wired to `token`/`signal`): the question is asked there. */
  readonly progress?: { report(value: { message?: string }): void };
}

export interface PendingDecision {
  readonly title: string;
  readonly question: string;
  readonly proceedLabel: ProceedLabel;
}

export const DECISION_CONTEXT_KEY = 'ecsDeploy.decisionPending';
export const DECISION_RESOURCES_KEY = 'ecsDeploy.decisionResources';
export const DECISION_WEBVIEWS_KEY = 'ecsDeploy.decisionWebviews';

interface Pending {
  readonly request: DecisionRequest;
  settle(proceed: boolean): void;
}

let pending: Pending | undefined;

export function pendingDecision(): PendingDecision | undefined {
  if (!pending) return undefined;
  const { title, question, proceedLabel } = pending.request;
  return { title, question, proceedLabel };
}

/** Settles the pending decision (e.g. from a webview's buttons); false when none is pending. */
export function settleDecision(proceed: boolean): boolean {
  if (!pending) return false;
  pending.settle(proceed);
  return true;
}

/** The editor-title and palette actions; register once at activation. */
export function registerDecisionCommands(): vscode.Disposable[] {
  return [
    ...Object.values(PROCEED_COMMANDS).map((id) => vscode.commands.registerCommand(id, () => settleDecision(true))),
    vscode.commands.registerCommand(CANCEL_DECISION_COMMAND, () => settleDecision(false)),
  ];
}

function tabIsAbout(tab: vscode.Tab, resources: ReadonlySet<string>, webviewViewType: string | undefined): boolean {
  const input = tab.input;
  if (input instanceof vscode.TabInputTextDiff) return resources.has(input.original.toString()) || resources.has(input.modified.toString());
  if (input instanceof vscode.TabInputText) return resources.has(input.uri.toString());
  // The tab's viewType carries an internal prefix before the extension's own.
  if (input instanceof vscode.TabInputWebview) return webviewViewType !== undefined && input.viewType.endsWith(webviewViewType);
  return false;
}

/** Resolves true when the user proceeds, false on Cancel, on the token, or when superseded. */
export function awaitDecision(request: DecisionRequest): Promise<boolean> {
  // One at a time: a new question supersedes an older one, which counts as cancelled.
  pending?.settle(false);
  const cancelLabel = request.cancelLabel ?? 'Cancel';
  const resources = new Set((request.about?.resources ?? []).map((u) => u.toString()));
  const webviewViewType = request.about?.webviewViewType;
  const isAbout = (tab: vscode.Tab) => tabIsAbout(tab, resources, webviewViewType);
  const anyOpen = () => vscode.window.tabGroups.all.some((g) => g.tabs.some(isAbout));
  const canTrackTabs = resources.size > 0 || webviewViewType !== undefined;

  return new Promise<boolean>((resolve) => {
    const disposables: vscode.Disposable[] = [];
    let asking = false;
    let settled = false;
    let closeNotification: (() => void) | undefined;
    const me: Pending = {
      request,
      settle: (proceed) => {
        if (settled) return;
        settled = true;
        closeNotification?.();
        disposables.forEach((d) => d.dispose());
        if (pending === me) {
          pending = undefined;
          void setContexts(undefined);
        }
        resolve(proceed);
      },
    };
    pending = me;
    void setContexts(request.proceedLabel, [...resources], webviewViewType);

    const where = `${request.proceedLabel} and ${cancelLabel} are in the editor's title bar`;
    const ask = () => {
      if (request.progress) {
        request.progress.report({ message: `${request.question} — ${where}.` });
        return;
      }
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: request.title, cancellable: true },
        (progress, token) =>
          new Promise<void>((done) => {
            closeNotification = done;
            progress.report({ message: `${request.question} — ${where}, or ${cancelLabel} here.` });
            token.onCancellationRequested(() => me.settle(false));
            if (settled) done();
          }),
      );
    };

    const askModally = async () => {
      if (settled || asking) return;
      asking = true;
      const again = request.show ? 'Show Again' : undefined;
      const choice = await Promise.resolve(
        vscode.window.showInformationMessage(request.title, { modal: true, detail: request.question }, ...[request.proceedLabel, ...(again ? [again] : [])]),
      ).catch(() => undefined);
      asking = false;
      if (settled) return;
      if (choice === again && request.show) await request.show();
      else me.settle(choice === request.proceedLabel);
    };

    if (request.token) disposables.push(request.token.onCancellationRequested(() => me.settle(false)));
    if (request.signal) {
      if (request.signal.aborted) return me.settle(false);
      const onAbort = () => me.settle(false);
      request.signal.addEventListener('abort', onAbort, { once: true });
      disposables.push({ dispose: () => request.signal?.removeEventListener('abort', onAbort) });
    }

    void Promise.resolve(request.show?.()).then(
      () => {
        if (settled) return;
        if (canTrackTabs) {
          disposables.push(
            vscode.window.tabGroups.onDidChangeTabs(() => {
              if (!anyOpen()) void askModally();
            }),
          );
        }
        ask();
      },
      () => me.settle(false),
    );
  });
}

let contextUpdates: Promise<unknown> = Promise.resolve();

/** Context keys change in order, so a cleared decision never hides the next one's actions. */
function setContexts(label: ProceedLabel | undefined, resources: string[] = [], webviews?: string): Promise<unknown> {
  const set = (key: string, value: unknown) => vscode.commands.executeCommand('setContext', key, value);
  contextUpdates = contextUpdates
    .then(async () => {
      await set(DECISION_RESOURCES_KEY, resources);
      await set(DECISION_WEBVIEWS_KEY, webviews ? [webviews] : []);
      await set(DECISION_CONTEXT_KEY, label ? label.toLowerCase() : false);
    })
    .catch(() => undefined);
  return contextUpdates;
}
