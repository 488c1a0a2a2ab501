// `node test/harness/sandbox.mjs --check`: drives the sandbox's real workbench (code-server +
// headless Chromium, keyboard and mouse only) through what the issues promise a person there —
// every tree level, Build and Push, Deploy (diff, watcher), Force New Deployment, Roll Back and
// Follow Logs — and checks the results through the AWS SDK against the sandbox's moto and the
// registry. Screenshots go to test-results/sandbox-*.png. Slow (~3 min): not part of `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { launchChromium } from './codeServer.mjs';
import { MOTO_ECR_PASSWORD } from './services.mjs';

async function until(what, check, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
}

const MANIFEST_TYPES = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';

/** Returns true when every step passed. */
export async function runSandboxCheck({ url, csDir, endpoint, registry, demo, root, say }) {
  const ctx = await openWorkbench({ csDir, endpoint, registry, demo, root, say });
  try {
    await ctx.page.goto(url);
    for (const [name, check] of STEPS) await ctx.step(name, () => check(ctx));
    const { launchSteps } = await import('./sandbox-launch-check.mjs');
    await launchSteps({ ...ctx, until });
  } finally {
    await ctx.close();
  }
  const { failures } = ctx;
  say(failures.length ? `check: ${failures.length} step(s) failed: ${failures.join('; ')}` : 'check: every step passed');
  return failures.length === 0;
}

/** The steps in order, each a function of the check's context; a later step may use what an earlier one left (ctx.imageUri). */
const STEPS = [
  ['ECS view: demo → web → task → container', checkExplorerLevels],
  ['Build and Push Image… on backend/Dockerfile', checkBuildAndPush],
  ['Deploy Service… demo/web with the pushed image', checkDeployPushedImage],
  ['Follow Logs on demo/web: seeded and new lines', checkFollowLogs],
  ['Rollout watcher reports the outcome of the deploy', checkRolloutOutcome],
  ['Force New Deployment of demo/web', checkForceNewDeployment],
  ['Roll Back Service… demo/web to revision 1', checkRollBack],
];

/** Chromium on the sandbox's workbench, the AWS clients, and the helpers every step uses. */
async function openWorkbench({ csDir, endpoint, registry, demo, root, say }) {
  const shotsDir = path.join(root, 'test-results');
  fs.mkdirSync(shotsDir, { recursive: true });
  const aws = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 };
  const ecs = new ECSClient(aws);
  const ecr = new ECRClient(aws);
  const logs = new CloudWatchLogsClient(aws);
  const browser = await launchChromium(csDir);
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const workbench = page.locator('.monaco-workbench');
  const failures = [];

  const shot = async (name) => {
    const file = path.join(shotsDir, `sandbox-${name}.png`);
    await page.waitForTimeout(300); // let icons and descriptions paint
    await page.screenshot({ path: file });
    say(`check:   screenshot -> ${path.relative(root, file)}`);
  };
  const step = async (name, fn) => {
    say(`check: ${name}`);
    try {
      await fn();
      say(`check: ok    ${name}`);
      return true;
    } catch (err) {
      failures.push(name);
      say(`check: FAIL  ${name}: ${String(err.message).split('\n')[0]}`);
      await shot(`failed-${name.replace(/\W+/g, '-').toLowerCase()}`).catch(() => undefined);
      await page.keyboard.press('Escape').catch(() => undefined);
      return false;
    }
  };
  const visible = (text, timeout = 30000) => workbench.getByText(text).first().waitFor({ timeout });
  const quickInput = page.locator('.quick-input-widget');
  /** Runs a command from the palette by its title. */
  const palette = async (title) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await quickInput.waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type(title);
    await quickInput.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
  };
  /** Answers the quick pick titled `title`: filters by `filter`, waits for `row`, Enter. */
  const pick = async (title, filter, row = filter) => {
    await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 30000 });
    await page.keyboard.type(filter);
    await quickInput.locator('.monaco-list-row', { hasText: row }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
  };
  /** A picker the command skips when the tree's selection (or a lone choice) already answers it. */
  const pickIfAsked = async (title, filter) => {
    const shown = await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    if (shown) await pick(title, filter);
  };
  const notification = (text) => page.locator('.notification-list-item-message').filter({ hasText: text }).first();
  /** The whole notification (message and buttons) whose message matches. */
  const notificationItem = (text) => page.locator('.notification-list-item').filter({ has: page.locator('.notification-list-item-message', { hasText: text }) }).first();
  const serviceTaskDefinition = async () => {
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }))).services?.[0];
    const td = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: svc.taskDefinition }))).taskDefinition;
    return { svc, td, backend: td.containerDefinitions.find((c) => c.name === 'backend')?.image };
  };
  const close = async () => {
    await browser.close().catch(() => undefined);
    ecs.destroy();
    ecr.destroy();
    logs.destroy();
  };
  return {
    page, workbench, quickInput, failures, shot, step, visible, palette, pick, pickIfAsked, notification, notificationItem, serviceTaskDefinition,
    aws, ecs, ecr, logs, say, demo, registry, close, imageUri: undefined,
  };
}

async function checkExplorerLevels(ctx) {
  const { page, shot, demo } = ctx;
  const icon = page.locator('.activitybar .action-item a[aria-label^="ECS"]').first();
  await icon.waitFor({ timeout: 60000 });
  await icon.click();
  // A wider side bar, so the rows' descriptions (status, revision, IP, image) are readable.
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (bar) {
    const x = bar.x + bar.width + 1;
    await page.mouse.move(x, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(x + 260, bar.y + bar.height / 2, { steps: 5 });
    await page.mouse.up();
  }
  const tree = page.locator('.pane-body .monaco-list-row');
  const expand = async (text) => {
    const row = tree.filter({ hasText: text }).first();
    await row.waitFor({ timeout: 30000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  };
  await expand('demo');
  await expand('web');
  const taskId = demo.streams.backend[0].split('/').pop().slice(0, 6);
  await expand(taskId);
  await tree.filter({ hasText: 'sample-app-backend' }).first().waitFor({ timeout: 30000 });
  await shot('explorer-levels');
}

async function checkBuildAndPush(ctx) {
  const { page, workbench, quickInput, shot, palette, pick, notification, say, registry } = ctx;
  await palette('ECS: Build and Push Image');
  await pick('ECR repository', 'sample-app-backend');
  await quickInput.locator('.quick-input-title', { hasText: 'tags' }).waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter'); // the proposed tags
  await workbench.getByText(/Sending context|Step \d+\/\d+|Pushing/).first().waitFor({ timeout: 30000 });
  await shot('build-push-progress');
  // The toast itself (a screen-reader alert with the same words can come first).
  const toast = notification(/Pushed \S+@sha256:/);
  await toast.waitFor({ timeout: 120000 });
  const pushed = /Pushed (\S+@sha256:[0-9a-f]{64})/.exec((await toast.textContent()) ?? '')?.[1];
  if (!pushed) throw new Error('no "Pushed …@sha256:…" message');
  ctx.imageUri = pushed;
  await shot('build-push-result');
  say(`check:   pushed ${ctx.imageUri}`);
  // The image is in the ECR stand-in under the repository moto's ECR knows, with that digest.
  const repo = ctx.imageUri.replace(/^[^/]+\//, '').replace(/@.*$/, '');
  const res = await fetch(`http://${registry}/v2/${repo}/manifests/latest`, {
    method: 'HEAD',
    headers: { authorization: `Basic ${Buffer.from(`AWS:${MOTO_ECR_PASSWORD}`).toString('base64')}`, accept: MANIFEST_TYPES },
  });
  const digest = res.headers.get('docker-content-digest');
  if (repo !== 'sample-app-backend' || digest !== ctx.imageUri.split('@')[1]) {
    throw new Error(`registry ${registry} has ${repo}:latest at ${digest}, not ${ctx.imageUri}`);
  }
  say(`check:   registry ${registry} holds sample-app-backend:latest = ${digest}`);
  await page.keyboard.press('Escape');
}

async function checkDeployPushedImage(ctx) {
  const { page, workbench, shot, visible, palette, pick, pickIfAsked, notificationItem, serviceTaskDefinition, ecr, say } = ctx;
  if (!ctx.imageUri) throw new Error('nothing was pushed');
  // Real ECR lists a pushed image at once; the sandbox's mirror tells moto within a second or two.
  const digest = ctx.imageUri.split('@')[1];
  await until('moto\'s ECR lists the pushed digest', async () =>
    ((await ecr.send(new DescribeImagesCommand({ repositoryName: 'sample-app-backend' }))).imageDetails ?? []).some((i) => i.imageDigest === digest),
  );
  const before = await serviceTaskDefinition();
  await palette('ECS: Deploy Service');
  await pickIfAsked('Select Cluster', 'demo');
  await pickIfAsked('Select Service in demo', 'web');
  await pick('What to deploy', 'A new image');
  await pick('Container to update', 'backend');
  await pick('New image for backend', digest.slice(0, 19));
  // The question is a notification, not a dialog, so the diff stays in view.
  const question = notificationItem(/Deploy .* to web\?/);
  await question.waitFor({ timeout: 30000 });
  await workbench.locator('.monaco-diff-editor').first().waitFor({ timeout: 10000 });
  await visible(digest.slice(7, 19), 10000);
  await shot('deploy-diff');
  await page.locator('.part.editor .editor-actions .action-label[aria-label="Deploy"]').first().click({ timeout: 10000 });
  await visible('Deploying web', 30000);
  // The progress shows from the start: wait for UpdateService itself.
  await until('web gets a new task definition', async () => (await serviceTaskDefinition()).td.revision !== before.td.revision, 30000);
  await shot('deploy-watching');
  const after = await serviceTaskDefinition();
  if (after.td.revision !== before.td.revision + 1) throw new Error(`web runs ${after.svc.taskDefinition}, expected revision ${before.td.revision + 1}`);
  if (after.backend !== ctx.imageUri) throw new Error(`backend image of ${after.svc.taskDefinition} is ${after.backend}, not ${ctx.imageUri}`);
  say(`check:   DescribeServices: web runs ${after.td.family}:${after.td.revision}, backend image ${after.backend}`);
}

async function checkFollowLogs(ctx) {
  const { page, shot, palette, pickIfAsked, logs, say, demo } = ctx;
  await palette('View: Close All Editors');
  await palette('ECS: Follow Logs');
  await pickIfAsked('Cluster', 'demo');
  await pickIfAsked('Service of demo', 'web');
  const line = (text) => page.locator('.part.panel .view-line').filter({ hasText: text }).first();
  await line('Listening on port 3000').waitFor({ timeout: 30000 });
  // A line written now, while following, must arrive; so must the sandbox writer's.
  const marker = `GET /sandbox-check ${Date.now()} 200`;
  await logs.send(new PutLogEventsCommand({ logGroupName: demo.logGroup, logStreamName: demo.streams.backend[0], logEvents: [{ timestamp: Date.now(), message: marker }] }));
  await line(marker).waitFor({ timeout: 30000 });
  const writerLines = () => page.locator('.part.panel .view-line').filter({ hasText: /\((request|connection)\s\d+\)/ }).count();
  const seen = await writerLines();
  await until('a line of the sandbox writer arrives while following', async () => (await writerLines()) > seen, 20000);
  // Every line in view: seeded ones at the top, the newest at the bottom.
  await page.locator('.part.panel .action-label[aria-label*="Maximize"]').first().click({ timeout: 5000 }).catch(() => undefined);
  await line('Listening on port 3000').waitFor({ timeout: 10000 });
  await shot('follow-logs');
  say(`check:   "ECS Logs: web" shows the seeded lines, the line written while following, and ${(await writerLines()) - seen} new of the writer's`);
  await page.locator('.part.panel .action-label[aria-label*="Restore"]').first().click({ timeout: 5000 }).catch(() => undefined);
}

async function checkRolloutOutcome(ctx) {
  const { page, shot, palette, notification } = ctx;
  await palette('Notifications: Show Notifications');
  await notification(/web: .*(timed out|not finished|minute)|web now runs|rollout of .* FAILED/i).waitFor({ timeout: 120000 });
  await shot('deploy-outcome');
  await page.keyboard.press('Escape');
}

async function checkForceNewDeployment(ctx) {
  const { page, shot, palette, pickIfAsked, serviceTaskDefinition, say } = ctx;
  const before = await serviceTaskDefinition();
  await palette('ECS: Force New Deployment');
  await pickIfAsked('Select Cluster', 'demo');
  await pickIfAsked('Select Service in demo', 'web');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByText('Force a new deployment of web?').waitFor({ timeout: 30000 });
  await shot('force-confirm');
  await dialog.getByRole('button', { name: 'Force New Deployment' }).click();
  await until('web gets a new deployment', async () => (await serviceTaskDefinition()).svc.deployments[0].id !== before.svc.deployments[0].id, 30000);
  const after = await serviceTaskDefinition();
  if (after.svc.taskDefinition !== before.svc.taskDefinition) throw new Error(`the revision changed to ${after.svc.taskDefinition}`);
  say(`check:   web still runs ${after.td.family}:${after.td.revision}, new deployment ${after.svc.deployments[0].id} (was ${before.svc.deployments[0].id})`);
}

async function checkRollBack(ctx) {
  const { page, shot, palette, pick, pickIfAsked, notificationItem, serviceTaskDefinition, say, demo } = ctx;
  await palette('ECS: Roll Back Service');
  await pickIfAsked('Select Cluster', 'demo');
  await pickIfAsked('Select Service in demo', 'web');
  await pick('Roll back web', `${demo.family}:1`);
  const question = notificationItem(/Deploy .* to web\?/);
  await question.waitFor({ timeout: 30000 });
  await shot('rollback-diff');
  await page.locator('.part.editor .editor-actions .action-label[aria-label="Deploy"]').first().click({ timeout: 10000 });
  await until('web runs revision 1', async () => (await serviceTaskDefinition()).td.revision === 1, 30000).catch(() => undefined);
  const after = await serviceTaskDefinition();
  if (after.td.revision !== 1) throw new Error(`web runs ${after.svc.taskDefinition} after the roll back`);
  say(`check:   web runs ${after.td.family}:${after.td.revision} again (backend ${after.backend})`);
}
