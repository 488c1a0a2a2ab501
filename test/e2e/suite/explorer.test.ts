import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsDeployApi } from '../../../src/extension/extension';
import { activateExtension, EXTENSION_ID, motoEndpoint, rootItems, screenshot, setSetting, sleep, waitForRoots } from './helpers';

// The harness seeds moto with clusters "alpha" and "beta" in us-east-1 and "gamma" in eu-west-1
// and starts code-server with ecsDeploy.endpoint pointing at moto.
suite('ECS explorer in a real VS Code', () => {
  let api: EcsDeployApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  teardown(async () => {
    await setSetting('endpoint', motoEndpoint());
    await setSetting('region', 'us-east-1');
    await setSetting('profile', '');
  });

  test('activates and registers every command package.json contributes', async () => {
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    assert.ok(declared.length > 20, `package.json declares ${declared.length} commands`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(declared.filter((id) => !registered.has(id)), [], 'declared but not registered');
  });

  test('lists the clusters moto holds, with status and running tasks', async () => {
    const items = await waitForRoots(api, (i) => i.some((x) => x.label === 'alpha'));
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['alpha', 'beta'],
    );
    assert.match(items[1].description ?? '', /^\d+ services? · \d+ running tasks?$/);
    assert.match(items[0].description ?? '', /^\d+ services? · \d+ running tasks?$/);
    assert.strictEqual(items[0].contextValue, 'ecs.cluster.ACTIVE');
    assert.match(items[0].tooltip ?? '', /Status: ACTIVE/);
    await vscode.commands.executeCommand('ecsDeploy.explorer.focus');
    await screenshot('explorer-clusters', 'beta');
  });

  test('Select Region changes what the tree lists', async () => {
    await vscode.commands.executeCommand('ecsDeploy.connection.selectRegion', 'eu-west-1');
    const items = await waitForRoots(api, (i) => i.some((x) => x.label === 'gamma'));
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['gamma'],
    );
    assert.strictEqual(vscode.workspace.getConfiguration('ecsDeploy').get('region'), 'eu-west-1');
  });

  test('a region without clusters shows an empty-state node that offers Select Region', async () => {
    await vscode.commands.executeCommand('ecsDeploy.connection.selectRegion', 'ap-south-1');
    const [node] = await waitForRoots(api, (i) => i.length === 1 && i[0].label.startsWith('No clusters'));
    assert.strictEqual(node.label, 'No clusters in ap-south-1 — Select Region…');
    assert.strictEqual(node.command, 'ecsDeploy.connection.selectRegion');
  });

  test('an unreachable endpoint becomes an error node that offers the logs', async () => {
    await setSetting('endpoint', 'http://127.0.0.1:9');
    const [node] = await waitForRoots(api, (i) => i.length === 1 && i[0].label.startsWith('Could not reach'));
    assert.strictEqual(node.label, 'Could not reach ECS: connection refused — Show Extension Log');
    assert.strictEqual(node.tooltip, 'Could not reach ECS at http://127.0.0.1:9: connection refused');
    assert.strictEqual(node.command, 'ecsDeploy.output.show');
    assert.strictEqual(node.contextValue, 'ecs.message.error.retry');
    await vscode.commands.executeCommand('ecsDeploy.explorer.focus');
    await screenshot('explorer-unreachable', 'Could not reach ECS');
  });

  test('a profile without credentials becomes a node that offers Select Profile', async () => {
    await vscode.commands.executeCommand('ecsDeploy.connection.selectProfile', 'no-such-profile');
    const [node] = await waitForRoots(api, (i) => i.length === 1 && i[0].label.startsWith('No credentials'));
    assert.strictEqual(node.label, 'No credentials found — Select Profile…');
    assert.strictEqual(node.command, 'ecsDeploy.connection.selectProfile');
    assert.match(node.tooltip ?? '', /no-such-profile/);
  });

  test('a malformed endpoint setting becomes a node that opens the settings', async () => {
    await setSetting('endpoint', 'localhost:4566');
    const [node] = await waitForRoots(api, (i) => i.length === 1 && i[0].label.includes('endpoint'));
    assert.match(node.label, /must start with http:\/\/ or https:\/\/.*— Open Settings$/);
    assert.strictEqual(node.command, 'workbench.action.openSettings');
  });

  test('Refresh reloads the tree', async () => {
    await waitForRoots(api, (i) => i.some((x) => x.label === 'alpha'));
    let fired = 0;
    const sub = api.explorer.onDidChangeTreeData(() => fired++);
    try {
      await vscode.commands.executeCommand('ecsDeploy.explorer.refresh');
      await sleep(200);
    } finally {
      sub.dispose();
    }
    assert.ok(fired >= 1, 'the tree was told to reload');
    assert.deepStrictEqual(
      (await rootItems(api)).map((i) => i.label),
      ['alpha', 'beta'],
    );
  });
});
