import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { EcsDeployApi } from '../../../src/extension/extension';
import { activateExtension, screenshot, sleep } from './helpers';

/** Polls the Problems entries of a file until `accept` holds. */
async function waitForDiagnostics(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 15000): Promise<readonly vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  let last: readonly vscode.Diagnostic[] = [];
  while (Date.now() < deadline) {
    last = vscode.languages.getDiagnostics(uri);
    if (accept(last)) return last;
    await sleep(100);
  }
  assert.fail(`diagnostics never matched; last: ${last.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | ')}`);
}

// The e2e workspace is test/fixtures/sample-app: a Node backend (nodemon, bind mount, env file) and MongoDB.
suite('Compose → task definition in a real VS Code', () => {
  let api: EcsDeployApi;
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const composeUri = () => vscode.Uri.file(path.join(folder(), 'compose.yaml'));
  const output = () => path.join(folder(), 'sample-app.taskdef.json');

  suiteSetup(async () => {
    api = await activateExtension();
    fs.rmSync(output(), { force: true });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The fixture is the workspace: leave it as it was.
    fs.rmSync(output(), { force: true });
  });

  test('Generate Task Definition writes <family>.taskdef.json beside the compose file and opens it', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('ecsDeploy.compose.generateTaskDefinition'));
    const target = (await vscode.commands.executeCommand('ecsDeploy.compose.generateTaskDefinition', composeUri())) as vscode.Uri;
    assert.ok(target, 'the command returns the file it wrote');
    assert.strictEqual(target.fsPath, output());
    const td = JSON.parse(fs.readFileSync(output(), 'utf8')) as RegisterTaskDefinitionCommandInput;
    assert.deepStrictEqual(td.containerDefinitions?.map((c) => c.name), ['backend', 'mongodb']);
    const backend = td.containerDefinitions![0];
    assert.strictEqual(backend.environment?.find((e) => e.name === 'MONGODB_URL')?.value, 'mongodb://localhost:27017/app');
    assert.deepStrictEqual(backend.command, ['node', 'app.js']);
    assert.strictEqual(backend.mountPoints, undefined);
    assert.deepStrictEqual([td.cpu, td.memory], ['512', '1024']);
    assert.strictEqual(backend.logConfiguration?.logDriver, 'awslogs');
    // The account comes from sts:GetCallerIdentity on the harness's moto.
    assert.strictEqual(backend.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend:latest');
    assert.strictEqual(td.executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, output(), 'the file is opened');

    // Run again: same content, no prompt, the file stays.
    const again = (await vscode.commands.executeCommand('ecsDeploy.compose.generateTaskDefinition', composeUri())) as vscode.Uri;
    assert.strictEqual(again.fsPath, output());
  });

  test('an existing, different file is shown as a diff and replaced only when the user agrees', async () => {
    // Closed first: an open editor's text counts as the file's content.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.writeFileSync(output(), '{"family": "hand-edited"}\n');
    const asked: string[] = [];
    const declined = await vscode.commands.executeCommand('ecsDeploy.compose.generateTaskDefinition', composeUri(), {
      confirmReplace: async (name: string) => (asked.push(name), false),
    });
    assert.strictEqual(declined, undefined);
    assert.deepStrictEqual(asked, ['sample-app.taskdef.json']);
    assert.strictEqual(fs.readFileSync(output(), 'utf8'), '{"family": "hand-edited"}\n', 'kept when the user says no');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff is shown');
    assert.strictEqual(tab.input.original.fsPath, output());
    await vscode.commands.executeCommand('ecsDeploy.compose.generateTaskDefinition', composeUri(), { confirmReplace: async () => true });
    assert.strictEqual(JSON.parse(fs.readFileSync(output(), 'utf8')).family, 'sample-app', 'replaced when the user says yes');
  });

  test('the Problems panel shows the findings on the exact compose lines', async () => {
    await vscode.window.showTextDocument(composeUri());
    const diags = await waitForDiagnostics(composeUri(), (d) => d.some((x) => x.code === 'bind-mount'));
    const bind = diags.find((d) => d.code === 'bind-mount')!;
    assert.strictEqual(bind.range.start.line + 1, 14);
    assert.strictEqual(bind.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(bind.source, 'ECS Deploy');
    assert.ok(diags.some((d) => d.code === 'dev-command' && d.range.start.line + 1 === 6));
    const env = await waitForDiagnostics(vscode.Uri.file(path.join(folder(), 'backend.env')), (d) => d.length > 0);
    assert.match(env[0].message, /MONGODB_URL: mongodb:\/\/mongodb:27017\/app → mongodb:\/\/localhost:27017\/app/);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('compose-problems', 'bind mount');
  });

  test('a quick fix drops the bind mount', async () => {
    const diags = await waitForDiagnostics(composeUri(), (d) => d.some((x) => x.code === 'bind-mount'));
    const bind = diags.find((d) => d.code === 'bind-mount')!;
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', composeUri(), bind.range)) as vscode.CodeAction[];
    const drop = actions.find((a) => a.title === 'Drop this bind mount from "backend"');
    assert.ok(drop?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    const [[uri, edits]] = drop.edit.entries();
    assert.strictEqual(uri.fsPath, composeUri().fsPath);
    assert.ok(!edits[0].newText.includes('./backend:/usr/src/app'));
    assert.ok(edits[0].newText.includes('/usr/src/app/node_modules'));
  });

  test('a quick fix moves a secret-looking variable to x-ecs secrets', async () => {
    // A standalone compose file next to the sample (compose.*.yaml), removed afterwards.
    const file = path.join(folder(), 'compose.secrets.yaml');
    fs.writeFileSync(file, 'services:\n  api:\n    image: api:1\n    environment:\n      API_TOKEN: abc123\n      MODE: prod\n');
    try {
      const uri = vscode.Uri.file(file);
      await vscode.window.showTextDocument(uri);
      const diags = await waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'secret-in-environment'));
      const secret = diags.find((d) => d.code === 'secret-in-environment')!;
      assert.strictEqual(secret.range.start.line + 1, 5);
      assert.ok(!secret.message.includes('abc123'), 'the value is not shown');
      const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, secret.range)) as vscode.CodeAction[];
      const move = actions.find((a) => a.title.startsWith('Move API_TOKEN to x-ecs secrets'));
      assert.ok(move?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(move.edit));
      const text = vscode.window.activeTextEditor!.document.getText();
      assert.match(text, /x-ecs:\n\s+secrets:\n\s+API_TOKEN: \/sample-app\/API_TOKEN/);
      assert.doesNotMatch(text, /abc123/);
      await waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'secret-in-environment'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(file, { force: true });
    }
  });

  test('diagnostics follow unsaved edits (debounced)', async () => {
    const editor = await vscode.window.showTextDocument(composeUri());
    try {
      await editor.edit((b) => b.insert(new vscode.Position(20, 0), '    privileged: true\n'));
      const diags = await waitForDiagnostics(composeUri(), (d) => d.some((x) => x.code === 'privileged'));
      const p = diags.find((d) => d.code === 'privileged')!;
      assert.strictEqual(p.severity, vscode.DiagnosticSeverity.Error);
      assert.strictEqual(p.range.start.line, 20);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForDiagnostics(composeUri(), (d) => !d.some((x) => x.code === 'privileged'));
    assert.strictEqual(fs.readFileSync(composeUri().fsPath, 'utf8').includes('privileged'), false, 'the fixture on disk is untouched');
    void api;
  });
});
