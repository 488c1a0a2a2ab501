import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsDeployApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/tree/explorerNode';
import { activateExtension, rowUntil, screenshot, setSetting, sleep, ui } from './helpers';

// Seeded by the harness: cluster "alpha" with service "web" (2 tasks), service "worker"
// (no tasks) and one standalone task.
suite('ECS explorer levels and actions', () => {
  let api: EcsDeployApi;

  const label = (n: ExplorerNode) => {
    const l = api.explorer.getTreeItem(n).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const item = (n: ExplorerNode) => api.explorer.getTreeItem(n);
  async function child(parent: ExplorerNode | undefined, name: string | RegExp): Promise<ExplorerNode> {
    const kids = await api.explorer.getChildren(parent);
    const found = kids.find((k) => (typeof name === 'string' ? label(k) === name : name.test(label(k))));
    assert.ok(found, `no child ${name} among ${kids.map(label).join(', ')}`);
    return found;
  }

  suiteSetup(async () => {
    api = await activateExtension();
    await setSetting('region', 'us-east-1');
    await setSetting('profile', '');
    // Force New Deployment watches the rollout; moto never finishes one.
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', 0.05, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', undefined, vscode.ConfigurationTarget.Global);
  });

  setup(() => vscode.commands.executeCommand('ecsDeploy.explorer.refresh'));

  test('cluster → services, then the standalone tasks group', async () => {
    const alpha = await child(undefined, 'alpha');
    const kids = await api.explorer.getChildren(alpha);
    assert.deepStrictEqual(kids.map(label), ['web', 'worker', 'Standalone tasks']);
    const web = item(kids[0]);
    assert.match(String(web.description), /^\d+\/2( · [A-Z_]+)?$/);
    assert.match(String(web.contextValue), /^ecs\.service\.(healthy|deploying|degraded|failing)$/);
    assert.strictEqual(item(kids[2]).description, '1');
    const [standalone] = await api.explorer.getChildren(kids[2]);
    assert.match(String(item(standalone).description), /^RUNNING/);
  });

  test('service → tasks → containers, and reveal shows the whole path', async () => {
    const web = await child(await child(undefined, 'alpha'), 'web');
    const tasks = (await api.explorer.getChildren(web)).filter((t) => /^ecs\.task\./.test(String(item(t).contextValue)));
    assert.strictEqual(tasks.length, 2);
    for (const t of tasks) {
      assert.match(label(t), /^[0-9a-f-]{6}$/);
      // moto leaves startedAt empty, so the age may be missing; the private IP comes from the ENI.
      assert.match(String(item(t).description), /^RUNNING · rev 1( · (just now|\d+ s ago|\d+ min ago))? · \d+\.\d+\.\d+\.\d+$/);
    }
    const containers = await api.explorer.getChildren(tasks[0]);
    assert.strictEqual(label(containers[0]), 'backend');
    assert.strictEqual(item(containers[0]).contextValue, `ecs.container.${String(item(containers[0]).contextValue).split('.')[2]}`);
    assert.strictEqual(api.explorer.getParent(containers[0]), tasks[0]);
    await vscode.commands.executeCommand('ecsDeploy.explorer.focus');
    await api.view.reveal(containers[0], { select: true, focus: true, expand: true });
    await screenshot('explorer-levels', 'sample-app-backend');
  });

  test('Copy ARN and Show Task Definition act on the service node', async () => {
    const web = await child(await child(undefined, 'alpha'), 'web');
    const arn = await vscode.commands.executeCommand<string>('ecsDeploy.resource.copyArn', web);
    assert.match(arn, /^arn:aws:ecs:us-east-1:\d{12}:service\/alpha\/web$/);
    assert.strictEqual(await vscode.env.clipboard.readText(), arn);

    await vscode.commands.executeCommand('ecsDeploy.taskDefinition.show', web);
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'a document was opened');
    assert.strictEqual(doc.uri.scheme, 'ecs-deploy');
    assert.strictEqual(doc.languageId, 'json');
    const td = JSON.parse(doc.getText()) as { family: string; revision: number };
    assert.strictEqual(td.family, 'web');
    assert.strictEqual(td.revision, 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Scale Service and Force New Deployment update the service node in place', async () => {
    const web = await child(await child(undefined, 'alpha'), 'web');
    const desired = await vscode.commands.executeCommand<number>('ecsDeploy.service.scale', web, 3);
    assert.strictEqual(desired, 3);
    assert.match(String(item(web).description), /^\d+\/3/);
    const deploymentId = await vscode.commands.executeCommand<string>('ecsDeploy.service.forceNewDeployment', web, true);
    assert.match(deploymentId, /^ecs-svc\//);
    await vscode.commands.executeCommand('ecsDeploy.service.scale', web, 2);
  });

  test('Stop Task moves the task to "Recently stopped" with its reason', async () => {
    const web = await child(await child(undefined, 'alpha'), 'web');
    const [task] = await api.explorer.getChildren(web);
    const status = await vscode.commands.executeCommand<string>('ecsDeploy.task.stop', task, 'Stopped by the e2e test');
    assert.strictEqual(status, 'STOPPED');
    const webAgain = await child(await child(undefined, 'alpha'), 'web');
    const stoppedGroup = await child(webAgain, 'Recently stopped');
    const [stopped] = await api.explorer.getChildren(stoppedGroup);
    assert.match(String(item(stopped).description), /^STOPPED · rev 1 · Stopped by the e2e test$/);
  });

  test('Show Service Events opens a read-only document', async () => {
    const web = await child(await child(undefined, 'alpha'), 'web');
    const count = await vscode.commands.executeCommand<number>('ecsDeploy.service.showEvents', web);
    assert.strictEqual(typeof count, 'number');
    const doc = vscode.window.activeTextEditor?.document;
    assert.match(doc?.getText() ?? '', /^Events of alpha\/web, newest first/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the filter hides services by name without loading again', async () => {
    const alpha = await child(undefined, 'alpha');
    await api.explorer.getChildren(alpha);
    await vscode.commands.executeCommand('ecsDeploy.explorer.filter', 'WORK');
    await sleep(50);
    assert.deepStrictEqual((await api.explorer.getChildren(alpha)).map(label), ['worker', '1 service hidden by the filter "work" — Clear Filter', 'Standalone tasks']);
    // The view says what it filters on, and how to stop.
    assert.match(api.view.message ?? '', /Showing only names containing "work"/);
    assert.match(api.view.description ?? '', /^filter "work" · /);
    await screenshot('explorer-filter', 'Clear Filter');
    await vscode.commands.executeCommand('ecsDeploy.explorer.clearFilter');
    assert.strictEqual(api.view.message ?? '', '');
    assert.deepStrictEqual((await api.explorer.getChildren(alpha)).map(label), ['web', 'worker', 'Standalone tasks']);
  });

  test('the clusters setting limits which clusters show', async () => {
    await vscode.workspace.getConfiguration('ecsDeploy').update('explorer.clusters', ['beta'], vscode.ConfigurationTarget.Global);
    try {
      await sleep(300);
      assert.deepStrictEqual((await api.explorer.getChildren()).map(label), ['beta']);
    } finally {
      await vscode.workspace.getConfiguration('ecsDeploy').update('explorer.clusters', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a deploying service refreshes its own row on a timer, not the whole tree', async () => {
    // moto reports every service's deployment as IN_PROGRESS, so "web" counts as deploying.
    const web = await child(await child(undefined, 'alpha'), 'web');
    assert.strictEqual(item(web).contextValue, 'ecs.service.deploying');
    const fired: Array<ExplorerNode | undefined> = [];
    const sub = api.explorer.onDidChangeTreeData((n) => fired.push(n ?? undefined));
    await vscode.workspace.getConfiguration('ecsDeploy').update('explorer.autoRefreshSeconds', 2, vscode.ConfigurationTarget.Global);
    try {
      await sleep(300);
      fired.length = 0; // the settings change itself reloads the tree once
      const webNow = await child(await child(undefined, 'alpha'), 'web');
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline && !fired.includes(webNow)) await sleep(200);
      assert.ok(fired.includes(webNow), 'the web row refreshed itself');
      assert.ok(!fired.includes(undefined), 'the whole tree was not reloaded');
    } finally {
      sub.dispose();
      await vscode.workspace.getConfiguration('ecsDeploy').update('explorer.autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('clicking a task of a deploying service open and shut while its row refreshes every second: every click takes', async () => {
    const web = await child(await child(undefined, 'alpha'), 'web');
    assert.strictEqual(item(web).contextValue, 'ecs.service.deploying');
    const task = (await api.explorer.getChildren(web)).find((t) => /^ecs\.task\./.test(String(item(t).contextValue)));
    assert.ok(task, 'web has a task row');
    const [container] = await api.explorer.getChildren(task);
    const taskRow = label(task);
    const containerRow = label(container);
    let refreshes = 0;
    const sub = api.explorer.onDidChangeTreeData((n) => (n && label(n) === 'web' ? refreshes++ : undefined));
    await vscode.workspace.getConfiguration('ecsDeploy').update('explorer.autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('ecsDeploy.explorer.focus');
      for (const row of ['alpha', 'web']) {
        const s = await rowUntil(row, (x) => Boolean(x.exists), 10000);
        assert.ok(s.exists, `the ${row} row is on screen`);
        if (!s.expanded) await ui('click', row);
        assert.ok((await rowUntil(row, (x) => Boolean(x.expanded))).expanded, `${row} opened`);
      }
      assert.ok((await rowUntil(taskRow, (x) => Boolean(x.exists))).exists, `the task row ${taskRow} is on screen`);
      let clicks = 0;
      const until = Date.now() + 8000; // eight refreshes of web
      while (Date.now() < until) {
        const open = !(await ui('state', taskRow)).expanded;
        const click = await ui('click', taskRow);
        assert.ok(click.ok, `click ${clicks + 1}: ${click.error}`);
        clicks++;
        const after = await rowUntil(taskRow, (x) => x.expanded === open, 3000);
        assert.strictEqual(after.expanded, open, `click ${clicks} ${open ? 'opened' : 'closed'} the task`);
        const shown = await rowUntil(containerRow, (x) => Boolean(x.exists) === open, 3000);
        if (Boolean(shown.exists) !== open) await screenshot('explorer-clicks-failed', taskRow);
        assert.strictEqual(Boolean(shown.exists), open, `click ${clicks}: the container row is ${open ? 'shown' : 'gone'} (${JSON.stringify(shown)})`);
        await sleep(150 + (clicks % 5) * 170); // clicks land at every phase of the refresh
      }
      if (!(await ui('state', taskRow)).expanded) await ui('click', taskRow);
      await screenshot('explorer-clicks-while-deploying', containerRow);
      assert.ok(clicks >= 6, `${clicks} clicks`);
      assert.ok(refreshes >= 5, `web refreshed itself ${refreshes} times meanwhile`);
    } finally {
      sub.dispose();
      await vscode.workspace.getConfiguration('ecsDeploy').update('explorer.autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
