// Shared first steps of `npm test`, `npm run sandbox` and `npm run bench` on a fresh machine:
// install the tools a level needs (see install-tools.sh: none, node, integration, e2e), put
// Node 24 first on PATH when installed, install npm dependencies.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `level`: 'none' (npm dependencies only: the unit tier needs no root, apt or Node 24), 'node',
 * 'integration' or 'e2e'. Throws with the reason when something cannot be installed.
 */
export function prepareEnvironment(root, log = (m) => console.log(m), level = 'e2e') {
  if (process.env.ECS_DEPLOY_PREPARED === '1') return; // done by the parent process
  if (level !== 'none') {
    log(`setup: installing tools for ${level} (idempotent)`);
    const install = spawnSync('bash', [path.join(root, 'test/harness/install-tools.sh'), level], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (install.status !== 0) {
      throw new Error(`test/harness/install-tools.sh ${level} failed (the line above says which step) — the real components cannot start`);
    }
    for (const m of install.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)) process.env[m[1]] = m[2];
    // code-server needs Node 24, and vsce/test-electron want >= 22: everything below runs on it.
    process.env.PATH = `${path.dirname(process.env.ECS_DEPLOY_NODE24)}:${process.env.PATH}`;
    process.env.NODE_EXTRA_CA_CERTS ??= '/etc/ssl/certs/ca-certificates.crt';
  }

  const lockHash = crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
  const stampFile = path.join(root, 'node_modules', '.ecs-deploy-lock');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === lockHash) return;
  log('setup: npm ci');
  for (let attempt = 1; attempt <= 3; attempt++) {
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
    if (r.status === 0) {
      fs.writeFileSync(stampFile, lockHash);
      return;
    }
    log(`npm ci failed (attempt ${attempt} of 3)`);
  }
  throw new Error('npm ci failed three times');
}

/**
 * After prepareEnvironment: run this same script again under Node 24 (the AWS SDK and the
 * editor tools want >= 22) unless it already is. Returns only in the Node 24 process.
 */
export async function continueOnNode24() {
  if (Number(process.versions.node.split('.')[0]) >= 22 || !process.env.ECS_DEPLOY_NODE24) return;
  const { spawn } = await import('node:child_process');
  const child = spawn(process.env.ECS_DEPLOY_NODE24, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ECS_DEPLOY_PREPARED: '1' },
  });
  // Ctrl-C reaches the child through the terminal's process group; wait for it to clean up.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => undefined);
}
