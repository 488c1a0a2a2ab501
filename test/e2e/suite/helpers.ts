import * as assert from 'assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { EcsDeployApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/tree/explorerNode';

export const EXTENSION_ID = 'ecs-deploy.ecs-deploy';

export async function activateExtension(): Promise<EcsDeployApi> {
  const ext = vscode.extensions.getExtension<EcsDeployApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

export function motoEndpoint(): string {
  const e = process.env.ECS_DEPLOY_TEST_MOTO;
  assert.ok(e, 'ECS_DEPLOY_TEST_MOTO is set by the harness');
  return e;
}

export async function setSetting(key: string, value: string): Promise<void> {
  await vscode.workspace.getConfiguration('ecsDeploy').update(key, value, vscode.ConfigurationTarget.Global);
}

export interface RootItem {
  label: string;
  description?: string;
  command?: string;
  contextValue?: string;
  tooltip?: string;
}

function describe(node: ExplorerNode, provider: EcsDeployApi['explorer']): RootItem {
  const item = provider.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
  return {
    label,
    description: typeof item.description === 'string' ? item.description : undefined,
    command: item.command?.command,
    contextValue: item.contextValue,
    tooltip,
  };
}

export async function rootItems(api: EcsDeployApi): Promise<RootItem[]> {
  const nodes = await api.explorer.getChildren();
  return nodes.map((n) => describe(n, api.explorer));
}

/** Settings changes reach the tree through events: poll until the roots look as expected. */
export async function waitForRoots(api: EcsDeployApi, accept: (items: RootItem[]) => boolean, timeoutMs = 20000): Promise<RootItem[]> {
  const deadline = Date.now() + timeoutMs;
  let last: RootItem[] = [];
  while (Date.now() < deadline) {
    last = await rootItems(api);
    if (accept(last)) return last;
    await sleep(200);
  }
  assert.fail(`tree roots never matched; last seen: ${JSON.stringify(last)}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Asks the runner (outside the editor) for a screenshot of the workbench once `visibleText`
 * shows, and gives it time to take it before the test changes the state.
 */
export async function screenshot(name: string, visibleText: string): Promise<void> {
  console.log(`[screenshot] ${name} | ${visibleText}`);
  await sleep(2500);
}

export interface RowState {
  readonly ok: boolean;
  readonly exists?: boolean;
  readonly expanded?: boolean;
  /** The row's text and depth in the tree (1 = top level), when it exists. */
  readonly text?: string;
  readonly level?: number;
  readonly error?: string;
}

let uiRequests = 0;

/**
 * Asks the runner for what a person does in the workbench: a mouse click on the first tree row
 * showing `row`, or that row's state (shown, expanded) as the screen has it; or the same for a
 * notification showing `row` (its `button`), an editor title-bar action labelled `row`, any text.
 */
export async function ui(
  action: 'click' | 'state' | 'notification' | 'clickNotification' | 'editorAction' | 'clickEditorAction' | 'text' | 'press' | 'quickInput' | 'clickQuickInputButton',
  row: string,
  button?: string,
): Promise<RowState> {
  const out = path.join(os.tmpdir(), `ecs-deploy-ui-${process.pid}-${++uiRequests}.json`);
  console.log(`[ui] ${JSON.stringify({ action, row, out, button })}`);
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (fs.existsSync(out)) {
      const answer = JSON.parse(fs.readFileSync(out, 'utf8')) as RowState;
      fs.rmSync(out, { force: true });
      return answer;
    }
    await sleep(50);
  }
  assert.fail(`the runner did not answer [ui] ${action} ${row}`);
}

/** Polls the screen until the row's state satisfies `accept`; the last state seen otherwise. */
export async function rowUntil(row: string, accept: (s: RowState) => boolean, timeoutMs = 5000): Promise<RowState> {
  const deadline = Date.now() + timeoutMs;
  let last = await ui('state', row);
  while (!accept(last) && Date.now() < deadline) {
    await sleep(100);
    last = await ui('state', row);
  }
  return last;
}
