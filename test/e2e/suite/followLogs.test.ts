import * as assert from 'assert';
import * as vscode from 'vscode';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { EcsDeployApi } from '../../../src/extension/extension';
import { activateExtension, motoEndpoint, screenshot, setSetting, sleep } from './helpers';

// The harness seeds service "web" in cluster beta (us-east-1) with awslogs containers and three
// lines in stream backend/backend/3f2a1c… of group /ecs/web-e2e (test/harness/seed.mjs).
const GROUP = '/ecs/web-e2e';
const STREAM = 'backend/backend/3f2a1c9d8e7f4a6b9c0d1e2f3a4b5c6d';

async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

suite('Follow Logs in a real VS Code', () => {
  let api: EcsDeployApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await setSetting('endpoint', motoEndpoint());
    await setSetting('region', 'us-east-1');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('ecsDeploy.logs.stopFollowing', { cluster: 'beta', service: 'web' });
  });

  test('the commands are contributed with the ECS category', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('ecsDeploy.logs.follow'));
    assert.ok(commands.includes('ecsDeploy.logs.stopFollowing'));
  });

  test('following a service shows its recent lines, then lines written while following, in "ECS Logs: web"', async () => {
    await vscode.commands.executeCommand('ecsDeploy.logs.follow', { cluster: 'beta', service: 'web' });
    const followed = await waitFor('a follower', () => api.logs.followed().find((f) => f.key === 'beta/web'));
    assert.strictEqual(followed.channelName, 'ECS Logs: web');
    await waitFor('the seeded lines', () => followed.recent(20).some((l) => l.endsWith('| Listening on port 3000')) || undefined);
    const seeded = followed.recent(20).filter((l) => / backend 3f2a1c \| /.test(l));
    assert.deepStrictEqual(
      seeded.map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{3} /, '')),
      ['backend 3f2a1c | Server starting', 'backend 3f2a1c | Connected to mongodb://localhost:27017/app', 'backend 3f2a1c | Listening on port 3000'],
    );

    const logs = new CloudWatchLogsClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    try {
      const ts = Date.now();
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: GROUP,
          logStreamName: STREAM,
          logEvents: ['GET /health 200', 'GET /items 200', 'POST /items 201'].map((message) => ({ timestamp: ts, message })),
        }),
      );
    } finally {
      logs.destroy();
    }
    await waitFor('the new lines', () => followed.recent(20).some((l) => l.endsWith('| POST /items 201')) || undefined);
    const live = followed.recent(20).filter((l) => /\| (GET|POST) \/(health|items)/.test(l));
    assert.strictEqual(live.length, 3, 'three lines of one millisecond, each once');
    await screenshot('follow-logs', 'POST /items 201');
  });

  test('a burst larger than ecsDeploy.logs.maxBacklogLines keeps the newest lines and says how many it skipped', async () => {
    const cfg = vscode.workspace.getConfiguration('ecsDeploy.logs');
    await cfg.update('maxBacklogLines', 100, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('ecsDeploy.logs.follow', { cluster: 'beta', service: 'web' });
      const followed = await waitFor('a follower', () => api.logs.followed().find((f) => f.key === 'beta/web'));
      await waitFor('the backlog', () => followed.recent(50).some((l) => l.endsWith('| POST /items 201')) || undefined);
      const logs = new CloudWatchLogsClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
      try {
        const ts = Date.now();
        await logs.send(
          new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, logEvents: Array.from({ length: 500 }, (_, i) => ({ timestamp: ts + i, message: `burst ${i}` })) }),
        );
      } finally {
        logs.destroy();
      }
      await waitFor('the end of the burst', () => followed.recent(5).some((l) => l.endsWith('| burst 499')) || undefined);
      const recent = followed.recent(200);
      const note = recent.find((l) => /skipped \d+ lines/.test(l));
      assert.ok(note, `a skipped-lines note among: ${recent.slice(0, 5).join(' / ')}`);
      const skipped = Number(/skipped (\d+) lines/.exec(note)![1]);
      const burstShown = recent.filter((l) => / \| burst \d+$/.test(l)).length;
      assert.ok(burstShown <= 100, `the channel kept ${burstShown} burst lines`);
      assert.strictEqual(burstShown + skipped >= 500, true, `${burstShown} shown + ${skipped} skipped account for the 500`);
    } finally {
      await cfg.update('maxBacklogLines', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Stop Following Logs stops it; a missing service says so', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('ecsDeploy.logs.stopFollowing', { cluster: 'beta', service: 'web' }), true);
    assert.strictEqual(api.logs.followed().length, 0);
    const result = await vscode.commands.executeCommand('ecsDeploy.logs.follow', { cluster: 'beta', service: 'nope' });
    assert.strictEqual(result, undefined, 'the failure is shown as a message, not thrown');
    assert.strictEqual(api.logs.followed().length, 0);
  });
});
