import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BuildAndPushResult } from '../../../src/flows/buildAndPush';
import { DOCKERFILE_NAME } from '../../../src/extension/image/pickDockerfile';
import { activateExtension, EXTENSION_ID, screenshot, sleep } from './helpers';

const COMMAND = 'ecsDeploy.image.buildAndPush';

function env(name: string): string {
  const v = process.env[name];
  assert.ok(v, `${name} is set by the harness`);
  return v;
}

async function registryTags(repo: string): Promise<string[]> {
  const res = await fetch(`http://${env('ECS_DEPLOY_TEST_AUTH_REGISTRY')}/v2/${repo}/tags/list`, {
    headers: { authorization: `Basic ${Buffer.from('AWS:123456789012-auth-token').toString('base64')}` },
  });
  if (res.status === 404) return [];
  return (((await res.json()) as { tags?: string[] }).tags ?? []).sort();
}

function dockerfileIn(content: string): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-e2e-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), content);
  return vscode.Uri.file(path.join(dir, 'Dockerfile'));
}

// The harness starts dockerd and the basic-auth registry and points ecsDeploy.dockerHost and
// ecsDeploy.ecrRegistryAddress at them; moto's ECR gives the token.
suite('Build and Push Image in a real VS Code', () => {
  let uri: vscode.Uri;
  suiteSetup(async () => {
    await activateExtension();
  });

  test('is offered on Dockerfiles in the explorer and the editor title, and in the palette', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, Array<{ command: string; when?: string }>>; commands: Array<{ command: string; title: string }> };
    };
    assert.strictEqual(pkg.contributes.commands.find((c) => c.command === COMMAND)?.title, 'Build and Push Image…');
    for (const menu of ['explorer/context', 'editor/title']) {
      assert.match(pkg.contributes.menus[menu].find((m) => m.command === COMMAND)?.when ?? '', /resourceFilename =~/, menu);
    }
    for (const name of ['Dockerfile', 'api.Dockerfile', 'Dockerfile.prod', 'dockerfile']) assert.ok(DOCKERFILE_NAME.test(name), name);
    for (const name of ['Dockerfile-notes.md', 'compose.yaml', 'MyDockerfileHelper.ts']) assert.ok(!DOCKERFILE_NAME.test(name), name);
  });

  test('the right-click flow builds and pushes, with a progress notification, and returns the digest', async () => {
    uri = dockerfileIn(`FROM ${env('ECS_DEPLOY_TEST_BASE_IMAGE')}\nRUN echo build ${Date.now()} && sleep 8\nRUN echo done > /done\n`);
    const running = vscode.commands.executeCommand<BuildAndPushResult | undefined>(COMMAND, uri, { repository: 'e2e/web', tags: ['e2e1', 'latest'] });
    // Headless, the workbench shows no toasts (no window focus): the notification center shows the same.
    await sleep(1500);
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('build-push-progress', 'sleep 8');
    const result = await running;
    assert.ok(result, 'the command returned its result');
    assert.match(result.imageUri, /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/e2e\/web@sha256:[0-9a-f]{64}$/);
    assert.deepStrictEqual(await registryTags('e2e/web'), ['e2e1', 'latest']);
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('build-push-result', 'Copy URI');
    await vscode.commands.executeCommand('notifications.hideList');
  });

  test('without a repository argument, the picker offers the one last used for this Dockerfile first', async () => {
    assert.ok(uri, 'the previous test built this Dockerfile');
    const running = vscode.commands.executeCommand<BuildAndPushResult | undefined>(COMMAND, uri, { tags: ['picked'] });
    await sleep(1500);
    await screenshot('build-push-repository-pick', 'last used');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.ok(result, 'the command returned its result');
    assert.match(result.imageUri, /\/e2e\/web@sha256:/);
    assert.deepStrictEqual(await registryTags('e2e/web'), ['e2e1', 'latest', 'picked']);
  });

  test('with nothing changed since the last build, the recorded image is pushed without rebuilding', async () => {
    assert.ok(uri, 'the previous tests built this Dockerfile');
    const result = await vscode.commands.executeCommand<BuildAndPushResult | undefined>(COMMAND, uri, { repository: 'e2e/web', tags: ['again'] });
    assert.ok(result, 'the command returned its result');
    assert.strictEqual(result.reused, true);
    assert.strictEqual(result.contextBytes > 0, true, 'the recorded build’s context size is kept');
    assert.deepStrictEqual(await registryTags('e2e/web'), ['again', 'e2e1', 'latest', 'picked']);
    // Progress notifications stay up a moment after a quick task (no flicker): let them close.
    await sleep(2000);
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('build-push-unchanged', 'not rebuilt');
    await vscode.commands.executeCommand('notifications.hideList');
  });

  test('a failing build pushes nothing and returns no result', async () => {
    const uri = dockerfileIn(`FROM ${env('ECS_DEPLOY_TEST_BASE_IMAGE')}\nRUN exit 4\n`);
    const result = await vscode.commands.executeCommand(COMMAND, uri, { repository: 'e2e/broken', tags: ['x'] });
    assert.strictEqual(result, undefined);
    assert.deepStrictEqual(await registryTags('e2e/broken'), []);
  });
});
