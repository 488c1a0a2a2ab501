import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, setSetting } from './helpers';

interface Outcome {
  taskDefinitionArn: string;
  phase?: string;
}

// The harness gives the e2e dockerd a stand-in node:20-alpine, so the sample app's Dockerfile builds.
suite('Deploy Workspace: the one-click path on the sample app', () => {
  suiteSetup(async () => {
    await activateExtension();
    await setSetting('region', 'us-east-1');
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', 0.05, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    // Give alpha/web its own revision back for the suites that follow.
    await vscode.commands.executeCommand('ecsDeploy.service.deploy', { cluster: 'alpha', service: 'web' }, { kind: 'revision', taskDefinition: 'web:1' }, { confirmed: true });
    await vscode.workspace.getConfiguration('ecsDeploy').update('deploy.timeoutMinutes', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('builds and pushes the backend, renders the compose file with its digest, registers and points the service at it', async function () {
    this.timeout(180000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the sample app is open');
    const compose = vscode.Uri.joinPath(folder.uri, 'compose.yaml');
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>('ecsDeploy.workspace.deploy', compose, {
      cluster: 'alpha',
      service: 'web',
      tags: ['e2e-workspace'],
      confirmed: true,
    });
    assert.ok(outcome, 'the deployment started');
    assert.match(outcome.taskDefinitionArn, /task-definition\/sample-app:\d+$/);
    assert.strictEqual(outcome.phase, 'TIMEOUT', 'moto never rolls out a new revision');

    // The image is in the registry that stands in for ECR, under the repository compose names.
    const registry = process.env.ECS_DEPLOY_TEST_AUTH_REGISTRY;
    const auth = `Basic ${Buffer.from('AWS:123456789012-auth-token').toString('base64')}`;
    const tags = (await (await fetch(`http://${registry}/v2/sample-app-backend/tags/list`, { headers: { authorization: auth } })).json()) as { tags: string[] };
    assert.ok(tags.tags.includes('e2e-workspace'), `tags: ${tags.tags.join(', ')}`);

    // The diff shown before registering had the pushed image pinned by digest.
    const diffTab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /sample-app: new revision/.test(t.label));
    assert.ok(diffTab, 'the diff editor was shown');
  });
});
