import * as vscode from 'vscode';
import { abortError } from '../../core/abort';

/** Thrown inside a step when the user pressed Back: the runner goes to the step before. */
class BackPressed extends Error {}

export interface PickOptions<T extends vscode.QuickPickItem> {
  readonly step: number;
  readonly placeholder: string;
  readonly items: readonly T[];
  /** Preselected: Enter accepts it. */
  readonly active?: T;
  /** Checked on accept; a string is shown and keeps the picker open. */
  readonly validate?: (item: T) => string | undefined;
}

export interface InputOptions {
  readonly step: number;
  readonly prompt: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly validate?: (value: string) => string | undefined;
}

/** One step: asks, stores its answer in the state, returns the next step (or nothing at the end). */
export type Step<S> = (input: MultiStepInput, state: S) => Promise<Step<S> | undefined>;

/**
 * A multi-step quick input with a Back button on every step after the first and the title
 * "Title (n/N)", as VS Code's own multi-step flows show it. Escape cancels the whole flow
 * (an AbortError). Every step offers a default that Enter accepts.
 */
export class MultiStepInput {
  private current?: vscode.QuickInput;

  constructor(private readonly title: string, private readonly totalSteps: number) {}

  /** Runs the steps from `first`; Back re-runs the previous step with the state as it is now. */
  static async run<S>(title: string, totalSteps: number, first: Step<S>, state: S): Promise<S> {
    const input = new MultiStepInput(title, totalSteps);
    const trail: Step<S>[] = [];
    let step: Step<S> | undefined = first;
    try {
      while (step) {
        try {
          const next: Step<S> | undefined = await step(input, state);
          trail.push(step);
          step = next;
        } catch (err) {
          if (!(err instanceof BackPressed)) throw err;
          step = trail.pop() ?? step;
        }
      }
    } finally {
      input.current?.dispose();
    }
    return state;
  }

  pick<T extends vscode.QuickPickItem>(o: PickOptions<T>): Promise<T> {
    return this.show((resolve, reject) => {
      const qp = vscode.window.createQuickPick<T>();
      qp.title = `${this.title} (${o.step}/${this.totalSteps})`;
      qp.placeholder = o.placeholder;
      qp.items = o.items;
      if (o.active) qp.activeItems = [o.active];
      qp.buttons = o.step > 1 ? [vscode.QuickInputButtons.Back] : [];
      qp.ignoreFocusOut = true;
      qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackPressed()));
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        if (!item) return;
        const problem = o.validate?.(item);
        if (problem) {
          // QuickPick has no validation message: the problem shows where the placeholder was.
          qp.placeholder = `${problem}`;
          qp.value = '';
          return;
        }
        resolve(item);
      });
      return qp;
    });
  }

  /** Several items at once (checkboxes); Enter accepts the checked ones. */
  pickMany<T extends vscode.QuickPickItem>(o: Omit<PickOptions<T>, 'active' | 'validate'> & { readonly checked: readonly T[]; readonly validate?: (items: readonly T[]) => string | undefined }): Promise<readonly T[]> {
    return this.show((resolve, reject) => {
      const qp = vscode.window.createQuickPick<T>();
      qp.title = `${this.title} (${o.step}/${this.totalSteps})`;
      qp.placeholder = o.placeholder;
      qp.canSelectMany = true;
      qp.items = o.items;
      qp.selectedItems = o.checked;
      qp.buttons = o.step > 1 ? [vscode.QuickInputButtons.Back] : [];
      qp.ignoreFocusOut = true;
      qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackPressed()));
      qp.onDidAccept(() => {
        const problem = o.validate?.(qp.selectedItems);
        if (problem) {
          qp.placeholder = problem;
          return;
        }
        resolve(qp.selectedItems);
      });
      return qp;
    });
  }

  inputBox(o: InputOptions): Promise<string> {
    return this.show((resolve, reject) => {
      const box = vscode.window.createInputBox();
      box.title = `${this.title} (${o.step}/${this.totalSteps})`;
      box.prompt = o.prompt;
      box.value = o.value;
      box.placeholder = o.placeholder;
      box.buttons = o.step > 1 ? [vscode.QuickInputButtons.Back] : [];
      box.ignoreFocusOut = true;
      box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && reject(new BackPressed()));
      box.onDidChangeValue((v) => (box.validationMessage = o.validate?.(v)));
      box.onDidAccept(() => {
        const problem = o.validate?.(box.value);
        box.validationMessage = problem;
        if (!problem) resolve(box.value);
      });
      return box;
    });
  }

  private show<T>(make: (resolve: (v: T) => void, reject: (e: Error) => void) => vscode.QuickInput): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const done = (f: () => void) => {
        if (settled) return;
        settled = true;
        f();
      };
      const input = make(
        (v) => done(() => resolve(v)),
        (e) => done(() => reject(e)),
      );
      input.onDidHide(() => done(() => reject(abortError('Launch cancelled'))));
      // Replace the previous step's input in place (no flicker between steps).
      const previous = this.current;
      this.current = input;
      input.show();
      previous?.dispose();
    });
  }
}
