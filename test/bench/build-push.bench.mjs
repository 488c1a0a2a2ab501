#!/usr/bin/env node
// Build and push: our `ecs-deploy build-push` against `docker build` + `docker push` (the CLI, same
// engine and registry), cold and warm cache — warm being the same command again with nothing
// changed, where we push the recorded image without rebuilding; also shown: our warm run with no
// build record (the classic build replaying the engine's cache, as the CLI does); the same flow
// in one long-lived process, as the extension runs it in the editor (no process start-up); then a
// context with a big node_modules excluded by .dockerignore: bytes of context sent (counted by a
// proxy in front of the engine) must equal the CLI's, and our peak RSS must not grow with the
// context's size (it levels off at what the stream buffers and the garbage collector keep:
// compare the included context with twice it).
// env: BENCH_RUNS (default 3), BENCH_NODE_MODULES_MB (default 300), BENCH_APP_MB (default 20).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBaseImage, MOTO_ECR_PASSWORD, startDockerd, startMoto, startRegistry, TEST_AWS_ENV } from '../harness/services.mjs';
import { stopAll, stopAllOnExit } from '../harness/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NODE_MODULES_MB = Number(process.env.BENCH_NODE_MODULES_MB ?? 300);
const APP_MB = Number(process.env.BENCH_APP_MB ?? 20);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-bench-'));
stopAllOnExit();

const say = (m) => console.log(`[build-push] ${m}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

/** Random (incompressible) files: `count` files of `size` bytes under dir/sub. */
function writeFiles(dir, sub, count, size) {
  fs.mkdirSync(path.join(dir, sub), { recursive: true });
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, sub, `f${i}.bin`), crypto.randomBytes(size));
}

function makeApp(name) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  writeFiles(dir, 'src', 20, Math.round((APP_MB * 1e6) / 20));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM ci/busybox:local\nWORKDIR /app\nCOPY . .\nRUN ls -R /app | wc -l\nCMD ["sh"]\n`);
  return dir;
}

/** Runs a command; resolves with wall time, exit code, output and the process's peak RSS (VmHWM). */
function timed(cmd, args, { env, cwd } = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code, out, peakMb: peakKb / 1024 });
    });
  });
}

function must(r, what) {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.out.slice(-2000)}`);
  return r;
}

/** An HTTP proxy on a unix socket in front of dockerd that counts the body bytes of POST /build. */
function countingProxy(engineSocket, proxySocket) {
  const counts = { build: 0 };
  const server = http.createServer((req, res) => {
    const upstream = http.request({ socketPath: engineSocket, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => res.destroy(e));
    if (/\/build(\?|$)/.test(req.url ?? '')) req.on('data', (d) => (counts.build += d.length));
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(proxySocket, () => resolve({ server, counts })));
}

try {
  const t0 = Date.now();
  const [moto, docker, registry] = await Promise.all([
    startMoto(work),
    startDockerd(work),
    startRegistry(work, 'registry-auth', { user: 'AWS', password: MOTO_ECR_PASSWORD }),
  ]);
  importBaseImage(docker.host, work);
  say(`dockerd, moto and the registry ready in ${Date.now() - t0} ms; ${RUNS} runs each, app context ${APP_MB} MB`);

  // The docker CLI logs in once, into a throwaway config (never the user's).
  const dockerConfig = path.join(work, 'docker-config');
  const cliEnv = { ...process.env, DOCKER_CONFIG: dockerConfig, DOCKER_BUILDKIT: '0', DOCKER_CLI_HINTS: 'false' };
  const login = spawnSync('docker', ['-H', docker.host, 'login', '-u', 'AWS', '--password-stdin', registry.address], { input: MOTO_ECR_PASSWORD, env: cliEnv, encoding: 'utf8' });
  must({ code: login.status, out: `${login.stdout}${login.stderr}` }, 'docker login');
  const oursEnv = { ...process.env, ...TEST_AWS_ENV, DOCKER_HOST: docker.host };
  // Each call gets an empty cache folder (no build record) unless it is given one.
  const ours = (dir, repo, host = docker.host, cacheDir = fs.mkdtempSync(path.join(work, 'cache-'))) =>
    timed(process.execPath, [path.join(root, 'dist/cli.js'), 'build-push', '--repository', repo, '--tag', 'bench', '--endpoint', moto.endpoint, '--ecr-registry-address', registry.address], {
      cwd: dir,
      env: { ...oursEnv, DOCKER_HOST: host, ECS_DEPLOY_CACHE_DIR: cacheDir },
    });
  const cli = async (dir, repo, host = docker.host) => {
    const ref = `${registry.address}/${repo}:bench`;
    const b = must(await timed('docker', ['-H', host, 'build', '-t', ref, dir], { env: cliEnv }), 'docker build');
    const p = must(await timed('docker', ['-H', host, 'push', ref], { env: cliEnv }), 'docker push');
    return { ms: b.ms + p.ms, out: b.out + p.out };
  };

  // 1. Wall time, cold (new content: nothing cached, every layer uploaded) and warm (same again).
  // Files are written a moment before the first build, as an editor saves them: one written in
  // the same clock tick as our fingerprint of the context is not trusted to be recorded.
  const times = { cliCold: [], oursCold: [], cliWarm: [], oursWarm: [], oursWarmRebuild: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const who of i % 2 ? ['ours', 'cli'] : ['cli', 'ours']) {
      const dir = makeApp(`app-${who}-${i}`);
      const repo = `bench/${who}-${i}`;
      const cache = fs.mkdtempSync(path.join(work, 'cache-'));
      const run = who === 'cli' ? () => cli(dir, repo) : async () => must(await ours(dir, repo, docker.host, cache), 'ecs-deploy build-push');
      await new Promise((r) => setTimeout(r, 500));
      times[`${who}Cold`].push((await run()).ms);
      const warm = await run();
      times[`${who}Warm`].push(warm.ms);
      if (who === 'ours') {
        if (!/Nothing the build reads has changed/.test(warm.out)) throw new Error(`the warm run rebuilt:\n${warm.out.slice(-1500)}`);
        times.oursWarmRebuild.push(must(await ours(dir, repo), 'ecs-deploy build-push (no build record)').ms);
      }
    }
  }
  const ratio = (a, b) => (median(a) / median(b)).toFixed(2);
  say(`cold: docker CLI ${median(times.cliCold).toFixed(0)} ms, ecs-deploy ${median(times.oursCold).toFixed(0)} ms → ratio ${ratio(times.oursCold, times.cliCold)}× (target ≤ 1.05×)`);
  say(`warm: docker CLI ${median(times.cliWarm).toFixed(0)} ms, ecs-deploy ${median(times.oursWarm).toFixed(0)} ms → ratio ${ratio(times.oursWarm, times.cliWarm)}× (target ≤ 1.05×)`);
  say(`  warm without a build record (classic build from the engine's cache): ecs-deploy ${median(times.oursWarmRebuild).toFixed(0)} ms → ${ratio(times.oursWarmRebuild, times.cliWarm)}× the CLI's warm run`);
  say(`  runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((x) => Math.round(x))])))}`);

  // 1b. The same flow in one long-lived process, as the extension runs it in the editor (modules
  // loaded and clients made once; one build beforehand): what is left once no process starts.
  const helper = spawn(process.execPath, [path.join(root, 'test/bench/buildPushInProcess.mjs')], {
    env: { ...oursEnv, ECS_DEPLOY_BENCH: JSON.stringify({ moto: moto.endpoint, docker: docker.host, registry: registry.address, records: fs.mkdtempSync(path.join(work, 'cache-')) }) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers = [];
  let waiting;
  helper.stdout.on('data', (d) => {
    for (const line of String(d).split('\n').filter(Boolean)) answers.push(JSON.parse(line));
    waiting?.();
  });
  const inProcess = async (dir, repo) => {
    helper.stdin.write(`${JSON.stringify({ dir, repo })}\n`);
    while (!answers.length) await new Promise((r) => (waiting = r));
    const a = answers.shift();
    if (a.error) throw new Error(`in-process build-push failed: ${a.error}`);
    return a;
  };
  await inProcess(makeApp('warm-up'), 'bench/warm-up');
  const inEditor = { cliCold: [], cliWarm: [], cold: [], warm: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const who of i % 2 ? ['editor', 'cli'] : ['cli', 'editor']) {
      const dir = makeApp(`editor-${who}-${i}`);
      await new Promise((r) => setTimeout(r, 500));
      if (who === 'cli') {
        inEditor.cliCold.push((await cli(dir, `bench/editor-cli-${i}`)).ms);
        inEditor.cliWarm.push((await cli(dir, `bench/editor-cli-${i}`)).ms);
      } else {
        inEditor.cold.push((await inProcess(dir, `bench/editor-${i}`)).ms);
        const warm = await inProcess(dir, `bench/editor-${i}`);
        if (!warm.reused) throw new Error('the in-process warm run rebuilt');
        inEditor.warm.push(warm.ms);
      }
    }
  }
  helper.stdin.end();
  say(`in the editor's process: cold docker CLI ${median(inEditor.cliCold).toFixed(0)} ms, flow ${median(inEditor.cold).toFixed(0)} ms → ${ratio(inEditor.cold, inEditor.cliCold)}×; warm docker CLI ${median(inEditor.cliWarm).toFixed(0)} ms, flow ${median(inEditor.warm).toFixed(0)} ms → ${ratio(inEditor.warm, inEditor.cliWarm)}×`);
  say(`  runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(inEditor).map(([k, v]) => [k, v.map((x) => Math.round(x))])))}`);

  // 2. Context bytes and memory, through a counting proxy in front of the engine.
  const proxySock = path.join(work, 'proxy.sock');
  const { server, counts } = await countingProxy(docker.host.replace('unix://', ''), proxySock);
  const proxyHost = `unix://${proxySock}`;
  const small = makeApp('ctx-small');
  const big = makeApp('ctx-node-modules');
  say(`writing ${NODE_MODULES_MB} MB of node_modules…`);
  writeFiles(big, 'node_modules/pkg', NODE_MODULES_MB, 1e6);
  fs.writeFileSync(path.join(big, '.dockerignore'), 'node_modules\n*.log\n');
  fs.writeFileSync(path.join(small, '.dockerignore'), 'node_modules\n*.log\n');
  const sent = async (fn) => {
    counts.build = 0;
    const r = await fn();
    return { bytes: counts.build, r };
  };
  const cliBig = await sent(() => cli(big, 'bench/ctx-cli', proxyHost));
  const oursBig = await sent(async () => must(await ours(big, 'bench/ctx-ours', proxyHost), 'ecs-deploy (node_modules excluded)'));
  const oursSmall = await sent(async () => must(await ours(small, 'bench/ctx-small', proxyHost), 'ecs-deploy (small context)'));
  say(`context sent with ${NODE_MODULES_MB} MB node_modules excluded: docker CLI ${cliBig.bytes} bytes, ecs-deploy ${oursBig.bytes} bytes → ${cliBig.bytes === oursBig.bytes ? 'equal' : `DIFFERENT by ${oursBig.bytes - cliBig.bytes}`}`);

  // The same node_modules NOT excluded: 300 MB more context must not mean more memory.
  fs.rmSync(path.join(big, '.dockerignore'));
  fs.writeFileSync(path.join(big, 'Dockerfile'), 'FROM ci/busybox:local\nRUN true\n');
  const cliAll = await sent(() => cli(big, 'bench/all-cli', proxyHost));
  const oursAll = await sent(async () => must(await ours(big, 'bench/all-ours', proxyHost), 'ecs-deploy (node_modules included)'));
  // Twice that context (hard links: cheap to make; we send every path in full either way).
  fs.mkdirSync(path.join(big, 'node_modules/pkg2'));
  for (const f of fs.readdirSync(path.join(big, 'node_modules/pkg'))) fs.linkSync(path.join(big, 'node_modules/pkg', f), path.join(big, 'node_modules/pkg2', f));
  const oursDouble = await sent(async () => must(await ours(big, 'bench/double-ours', proxyHost), 'ecs-deploy (twice the context)'));
  server.close();
  say(`context sent with node_modules included: docker CLI ${mb(cliAll.bytes)} (${cliAll.bytes} bytes), ecs-deploy ${mb(oursAll.bytes)} (${oursAll.bytes} bytes) → ${cliAll.bytes === oursAll.bytes ? 'equal' : `DIFFERENT by ${oursAll.bytes - cliAll.bytes}`}`);
  say(
    `ecs-deploy peak RSS: ${mb(oursSmall.bytes)} context ${oursSmall.r.peakMb.toFixed(0)} MB, ${mb(oursBig.bytes)} (node_modules excluded) ${oursBig.r.peakMb.toFixed(0)} MB, ` +
      `${mb(oursAll.bytes)} context ${oursAll.r.peakMb.toFixed(0)} MB, ${mb(oursDouble.bytes)} context ${oursDouble.r.peakMb.toFixed(0)} MB → ` +
      `${(oursDouble.r.peakMb - oursAll.r.peakMb).toFixed(0)} MB more for ${mb(oursDouble.bytes - oursAll.bytes)} more context`,
  );
} catch (err) {
  console.error(`[build-push] ${err.message}`);
  process.exitCode = 1;
} finally {
  await stopAll();
  fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
