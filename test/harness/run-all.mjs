#!/usr/bin/env node
// `npm test`: installs what the tiers need, builds, then runs lint, unit, integration (moto,
// dockerd, registries) and e2e (code-server + Chromium) and ends with one line
// "N passed, N failed, N skipped" over all of them. Non-zero exit on any failure.
// `node test/harness/run-all.mjs unit integration` runs only the tiers named.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { continueOnNode24, prepareEnvironment } from './prepare.mjs';
import { stopAll, stopAllOnExit } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const ALL_TIERS = ['lint', 'package', 'unit', 'integration', 'e2e'];
const wanted = process.argv.slice(2).filter((a) => ALL_TIERS.includes(a));
// Test files named after the tiers run alone: `node test/harness/run-all.mjs integration test/integration/cli/up.test.ts`.
const onlyFiles = process.argv.slice(2).filter((a) => /\.test\.(ts|js)$/.test(a)).map((f) => f.replace(/^(out\/)?/, 'out/').replace(/\.ts$/, '.js'));
const tiers = wanted.length ? wanted : ALL_TIERS;
const totals = { passed: 0, failed: 0, skipped: 0 };
const t0 = Date.now();
const say = (m) => console.log(`\n=== ${m} (+${((Date.now() - t0) / 1000).toFixed(0)}s)`);


/** Runs a command, echoing its output, and returns {code, output}. */
function run(cmd, args, { env, quiet } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (stream, sink) =>
      stream.on('data', (d) => {
        output += d;
        if (!quiet) sink.write(d);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('error', (err) => resolve({ code: 127, output: `${output}\n${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function record(tier, counts, ok) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  console.log(`--- ${tier}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${ok ? '' : ' (tier failed)'}`);
}

/** A tier that could not run at all counts as one failure, with its reason. */
function tierBroken(tier, reason) {
  console.error(`!!! ${tier}: ${reason}`);
  record(tier, { passed: 0, failed: 1, skipped: 0 }, false);
}

/** The counts specWithStats.cjs wrote when mocha's run ended; undefined when it never got there. */
function mochaCounts(statsFile) {
  try {
    const { passed, failed, skipped } = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    return { passed, failed, skipped };
  } catch {
    return undefined;
  }
}

function lastSummary(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => /^\d+ passed, \d+ failed(, \d+ skipped)?$/.test(l));
  const last = lines.at(-1);
  if (!last) return undefined;
  const [passed, failed, skipped = 0] = last.match(/\d+/g).map(Number);
  return { passed, failed, skipped };
}

async function runMochaTier(tier, pattern, env) {
  const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const files = onlyFiles.filter((f) => f.startsWith(`${pattern}/`));
  if (onlyFiles.length && !files.length) return;
  const reporter = path.join(root, 'test', 'harness', 'specWithStats.cjs');
  const statsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `ecs-deploy-${tier}-`)), 'stats.json');
  const args = [mocha, '--reporter', reporter, '--reporter-option', `stats=${statsFile}`, '--timeout', '60000', '--recursive', ...(files.length ? files : [pattern])];
  const { code } = await run('node', args, { env });
  const counts = mochaCounts(statsFile);
  fs.rmSync(path.dirname(statsFile), { recursive: true, force: true });
  if (!counts) return tierBroken(tier, `mocha exited with code ${code} before reporting`);
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  record(tier, counts, code === 0);
}

if (await setUp()) await runTiers();
finish();

/** Tools (apt + Node 24 + code-server), dependencies, build; false (and counted) when any fails. */
async function setUp() {
  // Each tier installs only what it needs: lint and unit nothing beyond npm's dependencies.
  const toolsLevel = tiers.includes('e2e') ? 'e2e' : tiers.includes('integration') ? 'integration' : tiers.includes('package') ? 'node' : 'none';
  try {
    prepareEnvironment(root, say, toolsLevel);
  } catch (err) {
    tierBroken('setup', err.message);
    return false;
  }
  await continueOnNode24();
  stopAllOnExit();
  say('setup: build (esbuild) and compile (tsc)');
  // The bundles are for packaging, the CLI tests and the editor; lint and unit need only tsc.
  const needsBundle = tiers.some((t) => ['package', 'integration', 'e2e'].includes(t));
  const build = needsBundle ? await run('node', ['esbuild.mjs']) : { code: 0 };
  const compile = await run('npx', ['tsc', '-p', '.']);
  if (build.code !== 0 || compile.code !== 0) {
    tierBroken('build', 'the extension or the tests did not compile (see above)');
    return false;
  }
  return true;
}

async function runTiers() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-test-'));

  if (tiers.includes('lint')) {
    say('lint: eslint (types were checked by tsc above)');
    const { code } = await run('npx', ['eslint', '.']);
    record('lint', code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, code === 0);
  }

  if (tiers.includes('package')) {
    say('package: the .vsix builds and stays small');
    const { code } = await run('npm', ['run', '--silent', 'package'], { quiet: true });
    const vsix = path.join(root, 'dist', 'ecs-deploy.vsix');
    const size = fs.existsSync(vsix) ? fs.statSync(vsix).size : 0;
    const ok = code === 0 && size > 0 && size < 3 * 1024 * 1024;
    console.log(`${path.relative(root, vsix)}: ${(size / 1024).toFixed(0)} KiB${ok ? '' : ` (npm run package exited ${code}; must build and stay under 3 MB)`}`);
    record('package', ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, ok);
    // The e2e tier loads the development build, not the minified one.
    await run('node', ['esbuild.mjs'], { quiet: true });
  }

  if (tiers.includes('unit')) {
    say('unit: plain Node, no network');
    await runMochaTier('unit', 'out/test/unit', process.env);
  }

  if (tiers.includes('integration')) {
    say('integration: moto, dockerd, registries on 127.0.0.1');
    try {
      const { startAllServices, TEST_AWS_ENV } = await import('./services.mjs');
      const services = await startAllServices(path.join(workDir, 'integration'));
      await runMochaTier('integration', 'out/test/integration', { ...process.env, ...TEST_AWS_ENV, ...services.env });
    } catch (err) {
      tierBroken('integration', err.message);
    } finally {
      await stopAll();
    }
  }

  if (tiers.includes('e2e')) {
    say('e2e: code-server + headless Chromium, extension host on Node 24');
    try {
      fs.mkdirSync(path.join(workDir, 'e2e'), { recursive: true });
      const e2eDir = path.join(workDir, 'e2e');
      const { startMoto, startDockerd, startRegistry, importBaseImage, MOTO_ECR_PASSWORD, TEST_AWS_ENV } = await import('./services.mjs');
      // The image commands need the engine and the registry standing in for ECR's as well.
      const [moto, docker, authRegistry] = await Promise.all([
        startMoto(e2eDir),
        startDockerd(e2eDir),
        startRegistry(e2eDir, 'registry-auth', { user: 'AWS', password: MOTO_ECR_PASSWORD }),
      ]);
      const baseImage = importBaseImage(docker.host, e2eDir);
      // The sample app's Dockerfile starts FROM node:20-alpine, which cannot be pulled here.
      const { buildNodeStandIn } = await import('./sandboxImages.mjs');
      buildNodeStandIn(docker.host, e2eDir, baseImage);
      const { seedE2E, seedDemo } = await import('./seed.mjs');
      await seedE2E(moto.endpoint);
      await seedDemo(moto.endpoint, 'us-west-2', { reset: false });
      const env = {
        ...process.env,
        ...TEST_AWS_ENV,
        ECS_DEPLOY_TEST_MOTO: moto.endpoint,
        DOCKER_HOST: docker.host,
        ECS_DEPLOY_TEST_AUTH_REGISTRY: authRegistry.address,
        ECS_DEPLOY_TEST_BASE_IMAGE: baseImage,
        ECS_DEPLOY_E2E_SETTINGS: JSON.stringify({
          'ecsDeploy.endpoint': moto.endpoint,
          'ecsDeploy.region': 'us-east-1',
          'ecsDeploy.ecrRegistryAddress': authRegistry.address,
          'ecsDeploy.dockerHost': docker.host,
        }),
      };
      const { code, output } = await run('node', ['test/e2e/runTests.cjs'], { env });
      const counts = lastSummary(output);
      if (!counts) tierBroken('e2e', `the editor run ended (code ${code}) without a test summary`);
      else {
        if (code !== 0 && counts.failed === 0) counts.failed = 1;
        record('e2e', counts, code === 0);
      }
    } catch (err) {
      tierBroken('e2e', err.message);
    } finally {
      await stopAll();
    }
  }

  fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
}

/** The one exit: the summary line over every tier, non-zero when anything failed. */
function finish() {
  console.log(`\nAll tiers done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
