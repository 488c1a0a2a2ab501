import * as assert from 'assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { EcsDeployApi } from '../../../src/extension/extension';
import type { ExplorerNode } from '../../../src/extension/tree/explorerNode';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { activateExtension, motoEndpoint, screenshot, setSetting, sleep, ui } from './helpers';

interface QuickInputState {
  title?: string;
  value?: string;
  placeholder?: string;
  active?: string;
  message?: string;
}

/** What the quick input shows now (through the runner: the screen, not our own objects). */
async function quickInput(): Promise<QuickInputState | undefined> {
  const s = await ui('quickInput', '');
  return s.exists && s.text ? (JSON.parse(s.text) as QuickInputState) : undefined;
}

async function stepUntil(accept: (q: QuickInputState) => boolean, what: string, timeoutMs = 20000): Promise<QuickInputState> {
  const deadline = Date.now() + timeoutMs;
  let last: QuickInputState | undefined;
  while (Date.now() < deadline) {
    last = await quickInput();
    if (last && accept(last)) return last;
    await sleep(150);
  }
  assert.fail(`${what}; the quick input showed ${JSON.stringify(last)}`);
}

const atStep = (n: number) => (q: QuickInputState) => q.title === `Launch on ECS (${n}/6)`;
const press = (key: string) => ui('press', key);

/** The tree's rows under a node, as labels with descriptions. */
async function childrenOf(api: EcsDeployApi, node: ExplorerNode | undefined): Promise<Array<{ label: string; description?: string; contextValue?: string; node: ExplorerNode }>> {
  const nodes = await api.explorer.getChildren(node);
  return nodes.map((n) => {
    const item = api.explorer.getTreeItem(n) as vscode.TreeItem;
    return { label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''), description: item.description as string | undefined, contextValue: item.contextValue, node: n };
  });
}

function sampleAppCopy(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the sample app is open');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-'));
  const app = path.join(dir, 'goals');
  fs.cpSync(folder.uri.fsPath, app, { recursive: true });
  return vscode.Uri.file(path.join(app, 'compose.yaml'));
}

suite('Launch on ECS: steps, x-ecs, preview, progress, tree, Delete App', () => {
  let api: EcsDeployApi;
  suiteSetup(async () => {
    api = await activateExtension();
    await setSetting('region', 'us-east-1');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  let compose: vscode.Uri;
  test('the six steps with their defaults, Back included, refusing the database trap; answers written to x-ecs; the preview, then Launch', async function () {
    this.timeout(240000);
    compose = sampleAppCopy();
    const launched = vscode.commands.executeCommand<{ outcome: string; url: string; app: { serviceName: string; clusterName: string } }>('ecsDeploy.app.launch', compose);

    let q = await stepUntil(atStep(1), 'step 1 (service name) never showed');
    assert.strictEqual(q.value, 'goals', 'the service is named after the project');
    await press('Enter');

    q = await stepUntil(atStep(2), 'step 2 (cluster) never showed');
    assert.match(q.active ?? '', /New cluster: goals/);
    await press('Enter');

    q = await stepUntil(atStep(3), 'step 3 (network) never showed');
    assert.match(q.active ?? '', /Default VPC/, 'the default VPC with subnets in two zones is preselected');
    const back = await ui('clickQuickInputButton', 'Back');
    assert.ok(back.ok, `the Back button: ${back.error}`);
    q = await stepUntil(atStep(2), 'Back did not return to step 2');
    assert.match(q.active ?? '', /goals/, 'the answer given is kept when going back');
    await press('Enter');
    await stepUntil(atStep(3), 'step 3 again');
    await press('Enter');

    q = await stepUntil(atStep(4), 'step 4 (load balancer) never showed');
    assert.match(q.active ?? '', /backend:3000/);
    await press('ArrowDown'); // mongodb:27017 — a choice, then back to backend
    await press('ArrowUp');
    await press('Enter');
    q = await stepUntil((x) => atStep(4)(x) && x.value === '/', 'the health check path step never showed');
    await press('Enter');

    q = await stepUntil(atStep(5), 'step 5 (volumes) never showed');
    assert.match(q.placeholder ?? '', /EFS/);
    await screenshot('launch-steps-volumes', 'Launch on ECS (5/6)');
    await press('Enter');

    q = await stepUntil(atStep(6), 'step 6 (copies) never showed');
    assert.match(q.active ?? '', /A fixed number of tasks/);
    assert.ok((await ui('text', 'not for this app')).exists, 'auto scaling says up front that it is not for an app with mongo on EFS');
    await press('ArrowDown');
    await press('Enter');
    q = await stepUntil((x) => /DocumentDB|Atlas/.test(x.placeholder ?? ''), 'auto scaling was not refused for mongo on EFS');
    await screenshot('launch-database-trap', 'Launch on ECS (6/6)');
    await press('ArrowUp');
    await press('Enter');
    q = await stepUntil((x) => atStep(6)(x) && x.value === '1', 'the number of tasks never showed');
    await press('Enter');

    // The preview (a webview beside the editor) waits for Launch.
    const deadline = Date.now() + 120000;
    while (!api.decisions.pending() && Date.now() < deadline) await sleep(200);
    assert.strictEqual(api.decisions.pending()?.proceedLabel, 'Launch');
    const xEcs = parse(fs.readFileSync(compose.fsPath, 'utf8'))['x-ecs'];
    assert.deepStrictEqual(xEcs, { service: 'goals', cluster: 'goals', vpc: 'default', port: 'backend:3000', healthCheckPath: '/', desiredCount: 1 });
    await screenshot('launch-preview', 'Estimated monthly cost');
    assert.ok((await ui('text', 'Application Load Balancer, internet-facing')).exists, 'the preview lists the load balancer in words');
    assert.ok((await ui('text', '730 h × $0.04048')).exists, 'the preview shows the cost arithmetic');
    const click = await ui('clickEditorAction', 'Launch');
    assert.ok(click.ok, `Launch in the editor title: ${click.error}`);

    const result = await launched;
    assert.ok(result, 'the launch returned');
    assert.strictEqual(result.outcome, 'created');
    assert.match(result.url, /^http:\/\/.+elb\.amazonaws\.com$/);
  });

  test('the tree shows the new service with its load balancer and stack; Delete App keeps the data', async function () {
    this.timeout(120000);
    api.explorer.refresh();
    const roots = await childrenOf(api, undefined);
    const cluster = roots.find((r) => r.label === 'goals');
    assert.ok(cluster, `the cluster goals is listed (${roots.map((r) => r.label).join(', ')})`);
    const services = await childrenOf(api, cluster.node);
    const service = services.find((s) => s.label === 'goals');
    assert.ok(service, 'the service goals is listed');
    assert.match(service.contextValue ?? '', /\.app$/, 'the service is marked as an app (Delete App)');
    const rows = await childrenOf(api, service.node);
    const lb = rows.find((r) => r.label === 'Load balancer');
    assert.ok(lb, `a Load balancer row (${rows.map((r) => r.label).join(', ')})`);
    assert.match(lb.description ?? '', /^http:\/\/.+elb\.amazonaws\.com/);
    const stack = rows.find((r) => r.label === 'Stack');
    assert.match(stack?.description ?? '', /ecs-deploy-goals-goals · (CREATE|UPDATE)_COMPLETE/);
    await api.view.reveal(service.node, { expand: true, focus: true });
    await screenshot('launch-tree', 'Load balancer');

    const result = await vscode.commands.executeCommand<{ outcome: string; keptFileSystems: string[] }>('ecsDeploy.app.delete', service.node, { typedName: 'goals' });
    assert.strictEqual(result?.outcome, 'deleted');
    assert.strictEqual(result.keptFileSystems.length, 1, 'the database file system is kept');
    assert.match(result.keptFileSystems[0], /^fs-/);
  });

  test('Create Cluster… makes a Fargate cluster that the tree lists', async function () {
    this.timeout(60000);
    const arn = await vscode.commands.executeCommand<string>('ecsDeploy.cluster.create', 'made-here');
    assert.match(arn ?? '', /cluster\/made-here$/);
    const roots = await childrenOf(api, undefined);
    assert.ok(roots.some((r) => r.label === 'made-here'), `made-here is listed (${roots.map((r) => r.label).join(', ')})`);
  });

  test('launching again from a file with x-ecs shows the diff of x-ecs first (Save), then the preview; Cancel there creates nothing', async function () {
    this.timeout(120000);
    assert.ok(compose, 'the first test launched from a copy of the sample app');
    const answers = { service: 'goals', cluster: 'goals', vpc: 'default', port: 'backend:3000', healthCheckPath: '/health', desired: 1 };
    const run = vscode.commands.executeCommand<{ outcome: string }>('ecsDeploy.app.launch', compose, { answers });
    const waitFor = async (label: string) => {
      const deadline = Date.now() + 60000;
      while (api.decisions.pending()?.proceedLabel !== label && Date.now() < deadline) await sleep(200);
      assert.strictEqual(api.decisions.pending()?.proceedLabel, label, `a ${label} question`);
    };
    await waitFor('Save');
    const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff);
    assert.ok(diff, 'the x-ecs change is shown as a diff');
    assert.match(fs.readFileSync(compose.fsPath, 'utf8'), /healthCheckPath: \//, 'nothing written before Save');
    api.decisions.settle(true);
    await waitFor('Launch');
    assert.match(fs.readFileSync(compose.fsPath, 'utf8'), /healthCheckPath: \/health/, 'saved after Save');
    api.decisions.settle(false);
    const result = await run;
    assert.strictEqual(result?.outcome, 'declined');
    const cfn = new CloudFormationClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    try {
      // Delete App removed the first stack; the cancelled launch must not have left an empty one.
      await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: 'ecs-deploy-goals-goals' })), /does not exist/);
    } finally {
      cfn.destroy();
    }
  });
});
