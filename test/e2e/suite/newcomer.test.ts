import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EcsDeployApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/tree/explorerNode';
import { activateExtension, screenshot, setSetting, sleep, ui, type RowState } from './helpers';

// What a newcomer tripped over (issue 17), as a person meets it in the workbench. The harness
// seeds moto with the e2e clusters in us-east-1 and the sandbox's demo account in us-west-2.
// With the smoke-test driver on, VS Code draws no notification toasts: the tests read (and click)
// notifications in the notification center, where the same items show.

interface DeployOutcome {
  taskDefinitionArn: string;
  phase?: string;
}

type UiAction = Parameters<typeof ui>[0];

/** Polls the screen until `accept` holds; the last state otherwise. */
async function screenUntil(action: UiAction, text: string, accept: (s: RowState) => boolean, timeoutMs = 8000): Promise<RowState> {
  const deadline = Date.now() + timeoutMs;
  let last = await ui(action, text);
  while (!accept(last) && Date.now() < deadline) {
    await sleep(250);
    last = await ui(action, text);
  }
  return last;
}

/** Resolves with the command's result, or fails when it asks something (a picker left open). */
async function withoutQuestions<T>(what: string, run: Thenable<T>, ms = 8000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const asked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      reject(new Error(`${what} asked a question (no answer within ${ms} ms)`));
    }, ms);
  });
  try {
    return await Promise.race([Promise.resolve(run), asked]);
  } finally {
    clearTimeout(timer);
  }
}

suite('What a newcomer trips over, fixed', () => {
  let api: EcsDeployApi;
  const label = (n: ExplorerNode) => {
    const l = api.explorer.getTreeItem(n).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const description = (n: ExplorerNode) => String(api.explorer.getTreeItem(n).description ?? '');
  const child = async (parent: ExplorerNode | undefined, name: string) => {
    const found = (await api.explorer.getChildren(parent)).find((n) => label(n) === name);
    assert.ok(found, `${name} is listed`);
    return found;
  };

  suiteSetup(async () => {
    api = await activateExtension();
    await setSetting('region', 'us-east-1');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', undefined, vscode.ConfigurationTarget.Global);
    await setSetting('region', 'us-east-1');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the deploy question survives 60 s of reading; Deploy in the diff title bar deploys; the rollout clock starts at the update', async function () {
    this.timeout(150_000);
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', 0.05, vscode.ConfigurationTarget.Global);
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend:v2';
    // Earlier suites' notifications would push ours out of the center's (virtual) list.
    await vscode.commands.executeCommand('notifications.clearAll');
    const running = vscode.commands.executeCommand<DeployOutcome>('ecsDeploy.service.deploy', { cluster: 'beta', service: 'web' }, { kind: 'image', container: 'backend', image });
    const deadline = Date.now() + 15000;
    while (!api.decisions.pending() && Date.now() < deadline) await sleep(100);
    const asked = api.decisions.pending();
    assert.ok(asked, 'a decision is pending');
    assert.strictEqual(asked.proceedLabel, 'Deploy');
    assert.match(asked.question, /^Deploy web-e2e: new revision \(backend = .*:v2\) to web\?/);
    const isDiff = () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff;
    while (!isDiff() && Date.now() < deadline) await sleep(100);
    assert.ok(isDiff(), 'the diff is the active editor');
    assert.ok((await screenUntil('editorAction', 'Deploy', (s) => Boolean(s.exists))).exists, 'Deploy is in the diff editor\'s title bar');
    assert.ok((await ui('editorAction', 'Cancel')).exists, 'Cancel is in the diff editor\'s title bar');
    await screenshot('decision-pending', 'web-e2e: new revision');

    // A careful reader: a minute with the diff open. The question must still be there, on screen:
    // in the deploy's own notification (never hidden by itself) and in the diff's title bar.
    await vscode.commands.executeCommand('notifications.showList');
    const readingStarted = Date.now();
    while (Date.now() - readingStarted < 60_000) {
      await sleep(10_000);
      const after = `after ${Math.round((Date.now() - readingStarted) / 1000)} s`;
      assert.ok(api.decisions.pending(), `still pending ${after}`);
      assert.ok((await ui('notification', 'to web?')).exists, `the question is on screen ${after}`);
      assert.ok((await ui('editorAction', 'Deploy')).exists, `Deploy is in the title bar ${after}`);
    }
    assert.ok((await ui('notification', 'Deploy and Cancel are in the editor\'s title bar')).exists, 'the notification says where Deploy is');
    await screenshot('decision-after-60s', 'to web?');

    const clicked = await ui('clickEditorAction', 'Deploy');
    assert.ok(clicked.ok, clicked.error);
    const clickedAt = Date.now();
    const outcome = await running;
    const watched = Date.now() - clickedAt;
    assert.strictEqual(api.decisions.pending(), undefined, 'settled');
    assert.match(outcome.taskDefinitionArn, /task-definition\/web-e2e:2$/);
    // moto never rolls out: the watch times out — 3 s after the update, not at once because of the
    // minute spent reading.
    assert.strictEqual(outcome.phase, 'TIMEOUT');
    assert.ok(watched >= 2500, `the rollout was watched for ${watched} ms after Deploy (timeout 3 s from the update)`);
    assert.strictEqual((await ui('editorAction', 'Deploy')).exists, false, 'the action leaves with the question');
    assert.strictEqual((await ui('notification', 'to web?')).exists, false, 'and so does the question: nothing stale is left to click');
  });

  test('after a timeout: ECS goes on deploying, and Keep Watching, Show Service Events and Roll Back… work', async function () {
    this.timeout(90_000);
    const message = 'ECS goes on deploying web-e2e:2; only the watching stopped';
    await vscode.commands.executeCommand('notifications.showList');
    assert.ok((await screenUntil('notification', message, (s) => Boolean(s.exists))).exists, 'the timeout message says the deployment goes on');
    await screenshot('timeout-actions', message);

    const events = await ui('clickNotification', message, 'Show Service Events');
    assert.ok(events.ok, events.error);
    const deadline = Date.now() + 10000;
    while (!/^Events of beta\/web/.test(vscode.window.activeTextEditor?.document.getText() ?? '') && Date.now() < deadline) await sleep(100);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^Events of beta\/web, newest first/);

    // The message went with the click; Keep Watching needs one: ask again by another short watch.
    await vscode.commands.executeCommand('ecsDeploy.service.forceNewDeployment', { cluster: 'beta', service: 'web' }, true);
    await vscode.commands.executeCommand('notifications.showList');
    assert.ok((await screenUntil('notification', message, (s) => Boolean(s.exists))).exists, 'timed out again');
    const keep = await ui('clickNotification', message, 'Keep Watching');
    assert.ok(keep.ok, keep.error);
    await vscode.commands.executeCommand('notifications.showList');
    assert.ok((await screenUntil('text', 'Watching web roll out web-e2e:2', (s) => Boolean(s.exists), 5000)).exists, 'watching again');
    assert.ok((await screenUntil('notification', message, (s) => Boolean(s.exists), 15000)).exists, 'and it says so when that watch ends');

    const back = await ui('clickNotification', message, 'Roll Back…');
    assert.ok(back.ok, back.error);
    const picker = await screenUntil('text', 'Roll back web (now web-e2e:2)', (s) => Boolean(s.exists), 8000);
    assert.ok(picker.exists, 'the roll-back picker is open for this service');
    // The list shows the image's end (its tag) and when each revision was registered.
    assert.ok((await ui('text', 'backend=busybox')).exists, 'the image is shown by its tag, not cut off');
    await screenshot('rollback-picker', 'Roll back web');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the demo account: cluster and service rows agree with what they list, also after Stop Task', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('ecsDeploy.connection.selectRegion', 'us-west-2');
    await vscode.commands.executeCommand('ecsDeploy.explorer.focus');
    let roots: ExplorerNode[] = [];
    const deadline = Date.now() + 15000;
    while (!roots.some((n) => label(n) === 'demo') && Date.now() < deadline) {
      await sleep(200);
      roots = await api.explorer.getChildren();
    }
    const demo = await child(undefined, 'demo');
    const services = (await api.explorer.getChildren(demo)).filter((n) => api.explorer.getTreeItem(n).contextValue?.startsWith('ecs.service.'));
    const web = await child(demo, 'web');
    const tasks = (await api.explorer.getChildren(web)).filter((n) => api.explorer.getTreeItem(n).contextValue?.startsWith('ecs.task.'));
    const running = tasks.filter((n) => api.explorer.getTreeItem(n).contextValue === 'ecs.task.RUNNING').length;
    // The row redraws itself once its contents are loaded.
    const demoRow = () => api.explorer.getChildren().then((r) => r.find((n) => label(n) === 'demo')!);
    const until = Date.now() + 5000;
    while (!description(await demoRow()).startsWith(`${services.length} service`) && Date.now() < until) await sleep(100);
    assert.strictEqual(description(await demoRow()), `${services.length} service${services.length === 1 ? '' : 's'} · ${running} running task${running === 1 ? '' : 's'}`);
    assert.match(description(web), new RegExp(`^${running}/1\\b`));
    await ui('click', 'demo');
    await ui('click', 'web');
    await screenshot('tree-demo-agrees', 'running task');

    // Stop the task: the service row must not stay green above "No running tasks".
    const task = tasks[0];
    await vscode.commands.executeCommand('ecsDeploy.task.stop', task, 'stopped by the e2e test');
    const webAfter = await child(await child(undefined, 'demo'), 'web');
    const children = (await api.explorer.getChildren(webAfter)).map(label);
    const item = api.explorer.getTreeItem(webAfter);
    console.log(`after Stop Task: web ${String(item.description)} [${(item.iconPath as vscode.ThemeIcon).id}] > ${(await api.explorer.getChildren(webAfter)).map((n) => `${label(n)} ${description(n)}`).join(' | ')}`);
    if (children.some((c) => c.startsWith('No running tasks'))) {
      assert.match(String(item.description), /^0\/1/);
      assert.notStrictEqual((item.iconPath as vscode.ThemeIcon).id, 'pass-filled', 'no green check above a missing task');
    }
    await api.view.reveal(webAfter, { expand: true, select: false });
    await screenshot('tree-after-stop-task', children.find((c) => c.startsWith('No running tasks')) ?? 'web');
    // Its containers: never "PENDING · HEALTHY" spinning inside a RUNNING task.
    for (const t of (await api.explorer.getChildren(webAfter)).filter((n) => api.explorer.getTreeItem(n).contextValue === 'ecs.task.RUNNING')) {
      for (const c of await api.explorer.getChildren(t)) {
        const ci = api.explorer.getTreeItem(c);
        assert.doesNotMatch(String(ci.description), /PENDING · HEALTHY/);
        if (/PENDING/.test(String(ci.description))) assert.notStrictEqual((ci.iconPath as vscode.ThemeIcon).id, 'loading~spin');
      }
    }
  });

  test('a lone cluster and service are not asked for; the tree selection is used', async function () {
    this.timeout(60_000);
    // us-west-2 holds one cluster with one service: nothing to choose.
    const td = await withoutQuestions('Show Task Definition', vscode.commands.executeCommand('ecsDeploy.taskDefinition.show'));
    assert.ok(td !== undefined || vscode.window.activeTextEditor, 'shown');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /"family": "sample-app"/);
    await withoutQuestions('Show Service Events', vscode.commands.executeCommand('ecsDeploy.service.showEvents'));
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^Events of demo\/web/);
    await withoutQuestions('Copy ARN', vscode.commands.executeCommand('ecsDeploy.resource.copyArn'));
    assert.match(await vscode.env.clipboard.readText(), /:service\/demo\/web$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // us-east-1: alpha has two services; the one selected in the tree is used.
    await vscode.commands.executeCommand('ecsDeploy.connection.selectRegion', 'us-east-1');
    const deadline = Date.now() + 15000;
    while (!(await api.explorer.getChildren()).some((n) => label(n) === 'alpha') && Date.now() < deadline) await sleep(200);
    const alpha = await child(undefined, 'alpha');
    const worker = await child(alpha, 'worker');
    await api.view.reveal(worker, { select: true, focus: true });
    await withoutQuestions('Copy ARN with a selection', vscode.commands.executeCommand('ecsDeploy.resource.copyArn'));
    assert.match(await vscode.env.clipboard.readText(), /:service\/alpha\/worker$/);
    // Deploy from the palette (a forced deployment, so nothing else is asked): the selected service.
    const deployed = await withoutQuestions('Deploy with a selection', vscode.commands.executeCommand<{ deploymentId?: string } | undefined>('ecsDeploy.service.deploy', undefined, { kind: 'force' }), 15000);
    assert.ok(deployed?.deploymentId, 'deployed without a picker');
    await vscode.commands.executeCommand('notifications.showList');
    assert.ok((await screenUntil('notification', 'worker: Timed out', (x) => Boolean(x.exists))).exists, 'the selected service, worker, was deployed');
  });

  test('the cluster picker and the filter count in words; the status bar names the default chain as the picker does', async () => {
    const alpha = await child(undefined, 'alpha');
    await api.explorer.getChildren(alpha);
    await vscode.commands.executeCommand('ecsDeploy.explorer.filter', 'web');
    assert.deepStrictEqual((await api.explorer.getChildren(alpha)).map(label).filter((l) => l.includes('hidden')), ['1 service hidden by the filter "web" — Clear Filter']);
    assert.match(api.view.message ?? '', /"web"/);
    await vscode.commands.executeCommand('ecsDeploy.explorer.clearFilter');
    assert.match(api.view.description ?? '', /^Default credential chain · us-east-1$/);
  });

  test('the Problems panel speaks editor terms, with quick fixes for the execution role, the dev command and NODE_ENV', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'compose.yaml'));
    const editor = await vscode.window.showTextDocument(uri);
    const deadline = Date.now() + 15000;
    let diags = vscode.languages.getDiagnostics(uri);
    while (!diags.some((d) => d.code === 'execution-role') && Date.now() < deadline) {
      await sleep(100);
      diags = vscode.languages.getDiagnostics(uri);
    }
    for (const d of diags) assert.doesNotMatch(d.message, /(^|\s)--[a-z]/, `no command-line flag in "${d.message}"`);
    // The account is looked up before the findings show: the role finding is not "account unknown".
    const role = diags.find((d) => d.code === 'execution-role');
    assert.ok(role, 'an execution-role finding');
    assert.strictEqual(role.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(role.range.start.line + 1, 3, 'on services:, not on the first comment');
    const build = diags.find((d) => d.code === 'build-image');
    assert.match(build?.message ?? '', /Deploy Workspace… builds and pushes it there/);
    const fixes = async (d: vscode.Diagnostic) =>
      ((await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range)) as vscode.CodeAction[]).map((a) => a.title);
    assert.ok((await fixes(role)).includes('Set x-ecs.executionRoleArn to arn:aws:iam::123456789012:role/ecsTaskExecutionRole'));
    const dev = diags.find((d) => d.code === 'dev-command')!;
    assert.ok((await fixes(dev)).some((t) => t.startsWith('Run "') && t.endsWith('on ECS (x-ecs.command of "backend")')), (await fixes(dev)).join(', '));
    const nodeEnv = diags.find((d) => d.code === 'dev-environment')!;
    const envActions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, nodeEnv.range)) as vscode.CodeAction[];
    const override = envActions.find((a) => a.title === 'Set NODE_ENV=production for ECS only (x-ecs.environment of "backend")');
    assert.ok(override?.edit, envActions.map((a) => a.title).join(', '));
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('compose-problems-editor-terms', 'Deploy Workspace');
    editor.selection = new vscode.Selection(build!.range.start, build!.range.start);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('compose-hover-editor-terms', 'builds and pushes it there');
    editor.selection = new vscode.Selection(nodeEnv.range.start, nodeEnv.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('compose-quick-fixes', 'for ECS only');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    try {
      assert.ok(await vscode.workspace.applyEdit(override.edit));
      const until = Date.now() + 10000;
      while (vscode.languages.getDiagnostics(uri).some((d) => d.code === 'dev-environment') && Date.now() < until) await sleep(100);
      assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => d.code === 'dev-environment'), 'the NODE_ENV warning is gone');
      assert.match(editor.document.getText(), /x-ecs:\n\s+environment:\n\s+NODE_ENV: production/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('an empty region offers Select Region…; the extension\'s own log is called what it is', async function () {
    this.timeout(40_000);
    const pkg = vscode.extensions.getExtension('ecs-deploy.ecs-deploy')!.packageJSON as { contributes: { commands: Array<{ command: string; title: string }> } };
    assert.strictEqual(pkg.contributes.commands.find((c) => c.command === 'ecsDeploy.output.show')?.title, 'Show Extension Log');
    await vscode.commands.executeCommand('ecsDeploy.connection.selectRegion', 'ap-south-1');
    await vscode.commands.executeCommand('notifications.clearAll');
    // From the palette, with nothing there to pick (the row selected earlier, in us-east-1, is gone).
    const failed = vscode.commands.executeCommand('ecsDeploy.taskDefinition.show');
    await failed;
    await vscode.commands.executeCommand('notifications.showList');
    const message = 'No clusters in ap-south-1';
    assert.ok((await screenUntil('notification', message, (x) => Boolean(x.exists))).exists, 'the error is shown');
    await screenshot('empty-region-error', message);
    const clicked = await ui('clickNotification', message, 'Select Region…');
    assert.ok(clicked.ok, clicked.error);
    assert.ok((await screenUntil('text', 'ECS: Select Region', (x) => Boolean(x.exists), 5000)).exists, 'the region picker opens');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('ecsDeploy.connection.selectRegion', 'us-east-1');
  });
});
