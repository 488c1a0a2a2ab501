// Stack benchmark (issue: the app as one CloudFormation stack). `template` (the bundled CLI, a new
// process each run, as CI runs it) on a 10-service compose file and on the seed-like sample app;
// then `up` against moto through the same flow the CLI runs, counting the AWS calls it makes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startMoto } from '../harness/services.mjs';
import { stopAll, stopAllOnExit } from '../harness/processes.mjs';

const require = createRequire(import.meta.url);
const out = (p) => require(path.resolve('out', p));
const { AwsClients } = out('src/aws/clients.js');
const { awsClientConfig } = out('src/aws/clientConfig.js');
const { launchApp } = out('src/flows/stack/launchApp.js');
const { deleteApp } = out('src/flows/stack/deleteApp.js');

const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = path.resolve('dist/cli.js');

function tenServices() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stack-10-'));
  const lines = ['name: ten', 'services:'];
  for (let i = 0; i < 10; i++) {
    lines.push(`  svc${i}:`, `    image: example/svc${i}:1`, `    environment:`, `      PEER_URL: http://svc${(i + 1) % 10}:80${i}`, `      API_TOKEN: secret-${i}`);
    if (i === 0) lines.push('    ports: ["8080:8080"]', '    healthcheck:', '      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]');
    lines.push(`    volumes: ["data${i}:/data"]`);
  }
  lines.push('volumes:', ...Array.from({ length: 10 }, (_, i) => `  data${i}:`));
  fs.writeFileSync(path.join(dir, 'compose.yaml'), lines.join('\n') + '\n');
  return dir;
}

function timeTemplate(label, cwd, args) {
  const env = { ...process.env, AWS_REGION: 'us-east-1', ECS_DEPLOY_ENDPOINT: 'http://127.0.0.1:9' };
  const ms = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'template', ...args], { cwd, env, encoding: 'utf8' });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`template ${label} exited ${r.status}: ${r.stderr}`);
    bytes = r.stdout.length;
  }
  console.log(`template ${label}: median ${median(ms).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), ${(bytes / 1024).toFixed(1)} KiB of YAML`);
}

stopAllOnExit();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stack-'));
try {
  timeTemplate('10-service compose file', tenServices(), ['--port', 'svc0:8080']);
  timeTemplate('sample app', path.resolve('test/fixtures/sample-app'), ['--port', 'backend:3000']);

  const moto = await startMoto(work);
  const conn = { region: 'us-east-1', endpoint: moto.endpoint };
  const calls = [];
  const clients = new AwsClients(conn, awsClientConfig(conn, { credentials: async () => ({ accessKeyId: 'b', secretAccessKey: 'b' }) }));
  for (const name of ['cloudFormation', 'ec2', 'ecs', 'elb', 'ssm']) {
    clients[name].middlewareStack.add((next, ctx) => (args) => {
      calls.push(`${ctx.clientName.replace(/Client$/, '')}.${ctx.commandName.replace(/Command$/, '')}`);
      return next(args);
    }, { step: 'initialize', name: 'count', priority: 'high' });
  }
  const sample = path.resolve('test/fixtures/sample-app');
  const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  const deps = { clients, log: quiet, progress: { report() {} }, signal: new AbortController().signal };
  const request = (launch) => ({
    compose: { cwd: sample, processEnv: {}, options: { region: 'us-east-1' } },
    launch: { port: 'backend:3000', cluster: 'bench', ...launch },
    images: { backend: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend@sha256:' + 'a'.repeat(64) },
    timeoutMs: 600000,
  });
  const measure = async (label, fn) => {
    const before = calls.length;
    const t = process.hrtime.bigint();
    const result = await fn();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const made = calls.slice(before);
    const byOp = {};
    for (const c of made) byOp[c] = (byOp[c] ?? 0) + 1;
    console.log(`${label}: ${result.outcome} in ${ms.toFixed(0)} ms, ${made.length} AWS calls — ${Object.entries(byOp).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  };
  await measure('up (create)', () => launchApp(request({}), deps));
  await measure('up again (no changes)', () => launchApp(request({}), deps));
  await measure('up --health-check-path /ping (update)', () => launchApp(request({ healthCheckPath: '/ping' }), deps));
  await measure('down', () => deleteApp({ stackName: 'ecs-deploy-bench-sample-app', deleteData: false, timeoutMs: 600000 }, deps));
  console.log('Polling: first look at once, then 5 s doubling towards 30 s while nothing happens (as the aws cloudformation waiters); moto finishes within the first look.');
  clients.dispose();
} finally {
  await stopAll();
}
