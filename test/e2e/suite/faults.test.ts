import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsDeployApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/tree/explorerNode';
import { formatStats, startFaultProxy, type FaultProxy } from '../../harness/faultProxy';
import { activateExtension, motoEndpoint, rootItems, screenshot, setSetting, waitForRoots } from './helpers';

const labelOf = (api: EcsDeployApi, n: ExplorerNode) => {
  const l = api.explorer.getTreeItem(n).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
};

// The explorer with its endpoint behind the fault proxy (in this extension host's process):
// throttling and dropped connections, then a black hole, then the endpoint back.
suite('ECS explorer on a bad day (fault proxy in front of moto)', () => {
  let api: EcsDeployApi;
  let proxy: FaultProxy;

  suiteSetup(async () => {
    api = await activateExtension();
    proxy = await startFaultProxy(motoEndpoint(), { throttle: 0.3, drop: 0.05, seed: 15 });
  });

  suiteTeardown(async () => {
    await setSetting('endpoint', motoEndpoint());
    await setSetting('region', 'us-east-1');
    await proxy.close();
  });

  test('under 30% throttling and 5% dropped connections the tree shows what moto holds', async function () {
    this.timeout(120_000);
    await setSetting('region', 'us-east-1');
    await setSetting('endpoint', proxy.url);
    const roots = await waitForRoots(api, (i) => i.some((x) => x.label === 'alpha'), 90_000);
    assert.deepStrictEqual(
      roots.map((r) => r.label),
      ['alpha', 'beta'],
    );
    // Down the tree too: every level's calls go through the same faults.
    const alpha = (await api.explorer.getChildren()).find((n) => labelOf(api, n) === 'alpha')!;
    const services = await api.explorer.getChildren(alpha);
    assert.ok(['web', 'worker'].every((s) => services.some((n) => labelOf(api, n) === s)), services.map((n) => labelOf(api, n)).join(', '));
    const web = services.find((n) => labelOf(api, n) === 'web')!;
    const tasks = await api.explorer.getChildren(web);
    assert.ok(tasks.length >= 2, `web's rows: ${tasks.map((n) => labelOf(api, n)).join(', ')}`);
    assert.ok(proxy.stats.throttled + proxy.stats.dropped > 0, formatStats(proxy.stats));
    console.log(`      explorer under throttling: ${formatStats(proxy.stats)} → clusters, services and tasks shown`);
  });

  test('a black hole becomes an error row with Retry within the deadline; Retry recovers once the endpoint is back', async function () {
    this.timeout(120_000);
    proxy.setPlan({ blackHole: true });
    const started = Date.now();
    await vscode.commands.executeCommand('ecsDeploy.explorer.refresh');
    const [row] = await waitForRoots(api, (i) => i.length === 1 && i[0].label.startsWith('No answer'), 60_000);
    const elapsed = Date.now() - started;
    console.log(`      explorer black hole: error row after ${(elapsed / 1000).toFixed(1)} s`);
    assert.ok(elapsed < 45_000, `the row came after ${elapsed} ms`);
    assert.strictEqual(row.label, 'No answer from ECS in 30 s — Show Extension Log');
    assert.strictEqual(row.tooltip, `No answer from ${proxy.url} in 30 s — is it reachable?`);
    assert.strictEqual(row.contextValue, 'ecs.message.error.retry');
    await vscode.commands.executeCommand('ecsDeploy.explorer.focus');
    await screenshot('explorer-no-answer', 'No answer from ECS');

    proxy.setPlan({});
    const [node] = await api.explorer.getChildren();
    await vscode.commands.executeCommand('ecsDeploy.explorer.retry', node);
    const back = await waitForRoots(api, (i) => i.some((x) => x.label === 'alpha'), 30_000);
    assert.deepStrictEqual(
      back.map((r) => r.label),
      ['alpha', 'beta'],
    );
    assert.ok((await rootItems(api)).every((i) => !i.label.startsWith('No answer')));
  });
});
