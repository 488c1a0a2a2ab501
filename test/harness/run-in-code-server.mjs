#!/usr/bin/env node
// Runs extension tests (extensionTestsPath) inside code-server's Node extension host with
// headless Chromium as the workbench. A test that logs "[screenshot] NAME | TEXT" gets a PNG of
// the workbench in test-results/NAME.png once TEXT is on screen. A test that logs
// '[ui] {"action":"click"|"state","row":TEXT,"out":FILE}' gets a real mouse click on the first
// side-bar tree row showing TEXT (or that row's state), answered as JSON in FILE. Beyond tree rows:
// "notification" (is a notification showing TEXT on screen), "clickNotification" (click its
// button named by "button"), "editorAction" / "clickEditorAction" (an editor title-bar action whose
// label is TEXT), "text" (is TEXT visible anywhere in the workbench).
//
// usage: node run-in-code-server.mjs --ext DIR --tests FILE --workspace DIR [--timeout MS]
// env:   CODE_SERVER_BIN, ECS_DEPLOY_E2E_SETTINGS (JSON merged into user settings),
//        ECS_DEPLOY_SCREENSHOTS (folder, default test-results)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { launchChromium, startCodeServer } from './codeServer.mjs';
import { stopAll, stopAllOnExit } from './processes.mjs';
import { textShown } from './workbenchText.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const extDir = path.resolve(opt('ext'));
const testsPath = path.resolve(opt('tests'));
const workspace = path.resolve(opt('workspace', process.cwd()));
const timeoutMs = Number(opt('timeout', 600000));
const shotsDir = path.resolve(process.env.ECS_DEPLOY_SCREENSHOTS || 'test-results');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-e2e-'));
const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1)}s]`;

stopAllOnExit();

/** Waits (up to 10 s) for the text the test expects in the workbench (or a webview), then saves a PNG. */
async function takeScreenshot(page, name, waitForText) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  try {
    if (waitForText) {
      const deadline = Date.now() + 10000;
      while (!(await textShown(page, waitForText))) {
        if (Date.now() > deadline) throw new Error(`"${waitForText}" did not show within 10 s`);
        await page.waitForTimeout(200);
      }
    }
    await page.waitForTimeout(300); // let the row icons and descriptions paint
    await page.screenshot({ path: file });
    console.log(`${stamp()} screenshot -> ${file}`);
  } catch (e) {
    console.error(`screenshot ${name} failed: ${e.message.split('\n')[0]}`);
  }
}

/** A person's click on a tree row, or a look at it; the answer goes to `out` for the test to read. */
async function uiAction(page, { action, row, out, button }) {
  const target = page.locator('.part.sidebar .pane-body .monaco-list-row').filter({ hasText: row }).first();
  // Toasts and the notification center draw the same list items.
  const notification = page.locator('.notification-list-item').filter({ hasText: row });
  const editorAction = page.locator(`.part.editor .editor-actions .action-label[aria-label="${row.replace(/"/g, '\\"')}"]`).first();
  let answer;
  try {
    if (action === 'notification') {
      answer = { ok: true, exists: await anyVisible(notification) };
    } else if (action === 'clickNotification') {
      await visibleOne(notification).getByRole('button', { name: button }).click({ timeout: 5000 });
      answer = { ok: true };
    } else if (action === 'editorAction') {
      answer = { ok: true, exists: (await editorAction.count()) > 0 && (await editorAction.isVisible()) };
    } else if (action === 'clickEditorAction') {
      await editorAction.click({ timeout: 5000 });
      answer = { ok: true };
    } else if (action === 'text') {
      answer = { ok: true, exists: await textShown(page, row) };
    } else if (action === 'press') {
      // `row` is a key (Enter, Escape, ArrowDown) or text to type into the focused input.
      if (/^(Enter|Escape|Tab|Space|Arrow\w+|Backspace)$/.test(row)) await page.keyboard.press(row);
      else await page.keyboard.type(row);
      answer = { ok: true };
    } else if (action === 'clickQuickInputButton') {
      // The title bar's buttons are labelled ("Back", or "Back (keybinding)") on the action or its icon.
      await page.locator(`.quick-input-widget .quick-input-titlebar [aria-label^="${row}"], .quick-input-widget .quick-input-titlebar [title^="${row}"]`).first().click({ timeout: 5000 });
      answer = { ok: true };
    } else if (action === 'quickInput') {
      const widget = page.locator('.quick-input-widget');
      // Short reads: a part the widget does not show now (a list, a message) is simply empty.
      const read = (p) => p.catch(() => '');
      const input = widget.locator('.quick-input-box input').first();
      const shown = (await widget.count()) > 0 && (await widget.isVisible());
      answer = shown
        ? {
            ok: true,
            exists: true,
            text: JSON.stringify({
              title: (await read(widget.locator('.quick-input-title').first().textContent({ timeout: 1000 })))?.trim(),
              value: await read(input.inputValue({ timeout: 1000 })),
              placeholder: await read(input.getAttribute('placeholder', { timeout: 1000 })),
              active: (await read(widget.locator('.quick-input-list .monaco-list-row.focused').first().textContent({ timeout: 300 })))?.trim(),
              message: (await read(widget.locator('.quick-input-message').first().textContent({ timeout: 300 })))?.trim(),
            }),
          }
        : { ok: true, exists: false };
    } else if (action === 'click') {
      await target.click({ timeout: 5000 });
      answer = { ok: true };
    } else {
      const exists = (await target.count()) > 0;
      answer = {
        ok: true,
        exists,
        expanded: exists ? (await target.getAttribute('aria-expanded')) === 'true' : false,
        ...(exists ? { text: (await target.textContent())?.trim(), level: Number(await target.getAttribute('aria-level')) } : {}),
      };
    }
  } catch (e) {
    answer = { ok: false, error: e.message.split('\n')[0] };
  }
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(answer));
  fs.renameSync(`${out}.tmp`, out);
}

async function anyVisible(locator) {
  for (let i = 0; i < (await locator.count()); i++) if (await locator.nth(i).isVisible()) return true;
  return false;
}

function visibleOne(locator) {
  return locator.filter({ visible: true }).first();
}

let browser;
let code = 1;
let summary;
try {
  const cs = await startCodeServer({
    bin: process.env.CODE_SERVER_BIN,
    baseDir: base,
    smokeTestDriver: true,
    userSettings: JSON.parse(process.env.ECS_DEPLOY_E2E_SETTINGS || '{}'),
    extensionsDir: opt('extensions-dir'),
  });
  console.log(`${stamp()} code-server listening at ${cs.url} (data in ${base})`);
  browser = await launchChromium(base);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const browserLog = fs.createWriteStream(path.join(base, 'browser-console.log'));
  page.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack || e}\n`));

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  const shots = [];
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = Array.isArray(args) ? util.format(...args) : String(args);
    if (/^\d+ passed, \d+ failed/.test(text)) summary = text;
    const shot = /^\[screenshot\] ([\w.-]+)(?: \| (.+))?$/.exec(text.trim());
    if (shot) shots.push(takeScreenshot(page, shot[1], shot[2]));
    const ui = /^\[ui\] (\{.*\})$/.exec(text.trim());
    if (ui) shots.push(uiAction(page, JSON.parse(ui[1])));
    console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));

  const authority = `127.0.0.1:${cs.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extDir}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsPath}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  code = await Promise.race([
    exited,
    new Promise((r) => setTimeout(() => { console.error(`${stamp()} TIMEOUT after ${timeoutMs} ms — see ${base}`); r(124); }, timeoutMs)),
  ]);
  await Promise.all(shots);
  console.log(`${stamp()} extension tests finished with exit code ${code}`);
} catch (err) {
  console.error(`e2e: ${err.message}`);
  code = 1;
} finally {
  await browser?.close().catch(() => undefined);
  await stopAll();
  if (code === 0) fs.rmSync(base, { recursive: true, force: true });
}
// The closing line the harness sums: the mocha summary, or one failure if the run never reported.
console.log(summary ?? '0 passed, 1 failed');
process.exit(code);
