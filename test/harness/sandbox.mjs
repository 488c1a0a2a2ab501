#!/usr/bin/env node
// `npm run sandbox`: the product, locally. Starts moto seeded with a demo account, dockerd and
// two registries, then code-server with the freshly packaged .vsix installed, the settings
// pointing at the stand-ins, and the sample compose workspace open. Ctrl-C stops everything.
//
// options: --port N (default 8080, or a free one), --screenshot FILE (save a picture of the
// ECS view once the demo cluster shows), --exit (stop after the screenshot; for checks),
// --no-write-logs (no background log lines), --check (drive the workbench through every flow
// with test/harness/sandbox-check.mjs, save test-results/sandbox-*.png, stop; exit 1 on failure).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { continueOnNode24, prepareEnvironment } from './prepare.mjs';
import { freePort, stopAll, stopAllOnExit } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const say = (m) => console.log(`[sandbox] ${m}`);
const checking = argv.includes('--check');

try {
  prepareEnvironment(root, say);
} catch (err) {
  console.error(`[sandbox] could not start: ${err.message}`);
  process.exit(1);
}
await continueOnNode24();
stopAllOnExit();

try {
  say('packaging the extension (npm run package)');
  const pkg = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  if (pkg.status !== 0) throw new Error('npm run package failed (see above)');
  const vsix = path.join(root, 'dist', 'ecs-deploy.vsix');
  // The seeding helpers are shared TypeScript: compile them.
  if (spawnSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('tsc failed (see above)');

  // Outside the repository: short socket paths, and the editor sees no parent git repo.
  const state = path.join(os.tmpdir(), checking ? 'ecs-deploy-sandbox-check' : 'ecs-deploy-sandbox');
  const services = path.join(state, 'services');
  fs.rmSync(services, { recursive: true, force: true });
  fs.mkdirSync(services, { recursive: true });
  const { startAllServices, TEST_AWS_ENV, MOTO_ECR_PASSWORD } = await import('./services.mjs');
  const { seedDemo } = await import('./seed.mjs');
  const { startCodeServer, launchChromium } = await import('./codeServer.mjs');
  const { buildNodeStandIn, mirrorRegistryToEcr } = await import('./sandboxImages.mjs');
  const stack = await startAllServices(services, say);
  const demo = await seedDemo(stack.moto.endpoint);
  say(`moto seeded: cluster "demo", service "web" (backend + mongodb, one running task), ECR repository sample-app-backend, log group ${demo.logGroup}`);
  const standIn = buildNodeStandIn(stack.docker.host, services, stack.env.ECS_DEPLOY_TEST_BASE_IMAGE);
  say(`dockerd has a stand-in ${standIn} (busybox with node/npm stubs; nothing can be pulled here) for the sample Dockerfile`);
  const stopMirror = mirrorRegistryToEcr({
    registry: stack.authRegistry.address,
    user: 'AWS',
    password: MOTO_ECR_PASSWORD,
    endpoint: stack.moto.endpoint,
    intervalMs: 1000,
    log: (m) => say(m),
  });
  say(`images pushed to ${stack.authRegistry.address} are listed by moto's ECR within a second or two (so Deploy can pick them)`);
  const { completeLaunchedApps } = await import('./sandboxPlugin.mjs');
  const stopPlugin = completeLaunchedApps({ endpoint: stack.moto.endpoint, log: (m) => say(m) });
  say('apps launched here get a healthy load-balancer target within a few seconds (test/harness/sandboxPlugin.mjs: moto starts no tasks)');
  let stopWriter = () => undefined;
  if (!argv.includes('--no-write-logs')) {
    stopWriter = startLogWriter(await import('@aws-sdk/client-cloudwatch-logs'), stack.moto.endpoint, demo);
    say(`a writer adds a line to ${demo.logGroup} (web's containers) every 5 s, for Follow Logs; --no-write-logs turns it off`);
  }

  // Quiet before the helpers stop (stopAllOnExit stops them on a signal).
  const stopPollers = () => (stopWriter(), stopMirror(), stopPlugin());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, stopPollers);

  // The workspace is a copy, so trying things out never edits the fixture.
  const workspace = path.join(state, 'sample-app');
  if (checking) fs.rmSync(workspace, { recursive: true, force: true });
  if (!fs.existsSync(workspace)) fs.cpSync(path.join(root, 'test/fixtures/sample-app'), workspace, { recursive: true });

  const csDir = path.join(state, 'code-server');
  fs.rmSync(csDir, { recursive: true, force: true });
  fs.mkdirSync(csDir, { recursive: true });
  const extensionsDir = path.join(csDir, 'extensions');
  const env = { ...process.env, ...TEST_AWS_ENV, ...stack.env };
  const install = spawnSync(process.env.CODE_SERVER_BIN, ['--extensions-dir', extensionsDir, '--user-data-dir', path.join(csDir, 'user-data'), '--install-extension', vsix], {
    env: { ...env, XDG_DATA_HOME: path.join(csDir, 'xdg-data'), XDG_CONFIG_HOME: path.join(csDir, 'xdg-config') },
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`code-server could not install ${vsix}:\n${install.stdout}${install.stderr}`);
  say(`installed ${path.relative(root, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);

  const wanted = Number(opt('port') ?? (checking ? 0 : 8080));
  const port = wanted && (await isFree(wanted)) ? wanted : await freePort();
  const cs = await startCodeServer({
    bin: process.env.CODE_SERVER_BIN,
    baseDir: csDir,
    port,
    extensionsDir,
    env,
    userSettings: {
      'ecsDeploy.endpoint': stack.moto.endpoint,
      'ecsDeploy.ecrRegistryAddress': stack.authRegistry.address,
      'ecsDeploy.region': 'us-east-1',
      'ecsDeploy.dockerHost': stack.docker.host,
      // moto never rolls a deployment out: the rollout watcher reports its timeout after a minute.
      'ecsDeploy.deploy.timeoutMinutes': 1,
      // Deploy's diff shows whole image URIs (digests) instead of cutting them at the edge.
      'diffEditor.wordWrap': 'on',
    },
  });
  const url = `${cs.url}/?folder=${encodeURIComponent(workspace)}`;

  if (opt('screenshot')) {
    const file = path.resolve(opt('screenshot'));
    const browser = await launchChromium(csDir);
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(url);
      const icon = page.locator('.activitybar .action-item a[aria-label^="ECS"]').first();
      await icon.waitFor({ timeout: 60000 });
      await icon.click();
      await page.locator('.monaco-workbench').getByText('demo', { exact: true }).first().waitFor({ timeout: 30000 });
      await page.waitForTimeout(500);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file });
      say(`screenshot of the ECS view -> ${file}`);
    } finally {
      await browser.close();
    }
  }

  console.log('');
  say(`VS Code with ECS Deploy: ${url}`);
  say(`AWS (moto): ${stack.moto.endpoint}   Docker: ${stack.docker.host}   ECR stand-in: ${stack.authRegistry.address}`);
  say('settings: ecsDeploy.deploy.timeoutMinutes = 1 — moto never rolls a deployment out, so the rollout watcher reports a timeout after a minute');
  if (checking) {
    const { runSandboxCheck } = await import('./sandbox-check.mjs');
    const ok = await runSandboxCheck({ url, csDir, endpoint: stack.moto.endpoint, registry: stack.authRegistry.address, demo, root, say });
    stopPollers();
    await stopAll();
    process.exit(ok ? 0 : 1);
  }
  if (argv.includes('--exit')) {
    stopPollers();
    await stopAll();
    process.exit(0);
  }
  say('Press Ctrl-C to stop everything.');
  await new Promise(() => undefined); // until Ctrl-C (stopAllOnExit stops the helpers)
} catch (err) {
  console.error(`[sandbox] could not start: ${err.message}`);
  await stopAll();
  process.exit(1);
}

async function isFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A line every 5 s in web's streams (mostly the backend's), as a running service writes them. Returns stop(). */
function startLogWriter({ CloudWatchLogsClient, PutLogEventsCommand }, endpoint, demo) {
  const logs = new CloudWatchLogsClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  const paths = ['/health', '/api/items', '/api/items/42', '/health', '/api/orders'];
  let n = 0;
  const tick = async () => {
    n++;
    const mongo = n % 4 === 0;
    const streams = mongo ? demo.streams.mongodb : demo.streams.backend;
    const stream = streams[n % streams.length];
    const message = mongo ? `Connection accepted from 127.0.0.1 (connection ${n / 4})` : `GET ${paths[n % paths.length]} 200 ${3 + ((n * 7) % 40)} ms (request ${n})`;
    await logs.send(new PutLogEventsCommand({ logGroupName: demo.logGroup, logStreamName: stream, logEvents: [{ timestamp: Date.now(), message }] })).catch(() => undefined);
  };
  const timer = setInterval(() => void tick(), 5000);
  timer.unref();
  return () => {
    clearInterval(timer);
    logs.destroy();
  };
}
