// Starts the real components the integration and e2e tiers (and the sandbox) run against,
// all bound to 127.0.0.1: moto (AWS), dockerd (own socket and data dirs), two registries.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, startProcess, waitFor } from './processes.mjs';

/** Password of the ECR-like registry: what moto's GetAuthorizationToken decodes to after "AWS:". */
export const MOTO_ECR_PASSWORD = '123456789012-auth-token';

function request(url, { method = 'GET', body, auth } = {}) {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'content-type': 'application/json' } : {};
    if (auth) headers.authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
    const req = http.request(url, { method, headers, timeout: 5000 }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode, body: data }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (body) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

/** The pyenv interpreter that has moto's server, or a loud failure. */
export function findMotoPython() {
  if (process.env.MOTO_PY) return process.env.MOTO_PY;
  const root = path.join(os.homedir(), '.pyenv', 'versions');
  const candidates = fs.existsSync(root) ? fs.readdirSync(root).map((v) => path.join(root, v, 'bin', 'python3')) : [];
  for (const py of candidates) {
    if (fs.existsSync(py) && spawnSync(py, ['-c', 'import moto.server,flask,flask_cors']).status === 0) return py;
  }
  throw new Error(`No Python with moto's server was found under ${root} — the AWS emulator (moto) cannot start. Install moto[server] into a pyenv Python.`);
}

export async function startMoto(workDir) {
  const py = findMotoPython();
  const port = await freePort();
  const logFile = path.join(workDir, 'moto.log');
  const child = startProcess('moto', py, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    logFile,
    env: { ...process.env, MOTO_ECS_SERVICE_RUNNING: '1' },
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor('moto server', async () => (await request(`${endpoint}/moto-api/`)).status === 200, { child, logFile });
  return {
    endpoint,
    pid: child.pid,
    reset: () => request(`${endpoint}/moto-api/reset`, { method: 'POST' }),
    /** Keeps tasks RUNNING instead of walking to STOPPED on each DescribeTasks. */
    holdTasksRunning: () =>
      request(`${endpoint}/moto-api/state-manager/set-transition`, {
        method: 'POST',
        body: { model_name: 'ecs::task', transition: { progression: 'manual', times: 1000000 } },
      }),
  };
}

export async function startDockerd(workDir) {
  const dir = path.join(workDir, 'docker');
  fs.mkdirSync(dir, { recursive: true });
  const sock = path.join(dir, 'docker.sock');
  const logFile = path.join(workDir, 'dockerd.log');
  const child = startProcess(
    'dockerd',
    'dockerd',
    [
      '--host', `unix://${sock}`,
      '--data-root', path.join(dir, 'data'),
      '--exec-root', path.join(dir, 'exec'),
      '--pidfile', path.join(dir, 'dockerd.pid'),
      // No bridge and no iptables: nothing on the host network changes.
      '--bridge=none', '--iptables=false', '--ip6tables=false',
    ],
    { logFile },
  );
  const host = `unix://${sock}`;
  await waitFor('dockerd', () => spawnSync('docker', ['-H', host, 'info'], { stdio: 'ignore' }).status === 0, {
    child,
    logFile,
    timeoutMs: 60000,
  });
  return { host, pid: child.pid };
}

/** Nothing can be pulled here: a base image from Debian's busybox-static stands in. */
export function importBaseImage(dockerHost, workDir, tag = 'ci/busybox:local') {
  const rootfs = path.join(workDir, 'rootfs');
  for (const d of ['bin', 'etc', 'tmp', 'root']) fs.mkdirSync(path.join(rootfs, d), { recursive: true });
  fs.copyFileSync('/bin/busybox', path.join(rootfs, 'bin', 'busybox'));
  fs.chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
  for (const applet of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
    const link = path.join(rootfs, 'bin', applet);
    if (applet !== 'busybox' && !fs.existsSync(link)) fs.symlinkSync('busybox', link);
  }
  fs.writeFileSync(path.join(rootfs, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  const tar = spawnSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
  const imp = spawnSync('docker', ['-H', dockerHost, 'import', '-c', 'ENV PATH=/bin', '-c', 'CMD ["/bin/sh"]', '-', tag], {
    input: tar.stdout,
  });
  if (imp.status !== 0) throw new Error(`could not import the base image: ${imp.stderr}`);
  return tag;
}

/** Registry v2 on 127.0.0.1 only (never the packaged config, which listens everywhere). */
export async function startRegistry(workDir, name, { user, password } = {}) {
  const port = await freePort();
  const dir = path.join(workDir, name);
  fs.mkdirSync(dir, { recursive: true });
  let auth = '';
  if (user) {
    const htpasswd = path.join(dir, 'htpasswd');
    fs.writeFileSync(htpasswd, execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' }));
    auth = `auth: {htpasswd: {realm: ecs-deploy-test, path: ${htpasswd}}}\n`;
  }
  const config = path.join(dir, 'config.yml');
  fs.writeFileSync(
    config,
    `version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}, delete: {enabled: true}}\n` +
      `http: {addr: 127.0.0.1:${port}}\n${auth}`,
  );
  const logFile = path.join(workDir, `${name}.log`);
  const child = startProcess(name, 'docker-registry', ['serve', config], { logFile });
  const address = `127.0.0.1:${port}`;
  const expected = user ? 401 : 200;
  await waitFor(`registry ${name}`, async () => (await request(`http://${address}/v2/`)).status === expected, { child, logFile });
  return { address, pid: child.pid };
}

/** Everything the integration tier needs, as environment variables for the test process. */
export async function startAllServices(workDir, log = console.error) {
  const t0 = Date.now();
  const [moto, docker] = await Promise.all([startMoto(workDir), startDockerd(workDir)]);
  const [registry, authRegistry] = await Promise.all([
    startRegistry(workDir, 'registry'),
    startRegistry(workDir, 'registry-auth', { user: 'AWS', password: MOTO_ECR_PASSWORD }),
  ]);
  const baseImage = importBaseImage(docker.host, workDir);
  log(`[harness] moto ${moto.endpoint}, dockerd ${docker.host}, registries ${registry.address} / ${authRegistry.address} (auth), base image ${baseImage} — ready in ${Date.now() - t0} ms`);
  return {
    moto,
    docker,
    registry,
    authRegistry,
    env: {
      ECS_DEPLOY_TEST_MOTO: moto.endpoint,
      DOCKER_HOST: docker.host,
      ECS_DEPLOY_TEST_REGISTRY: registry.address,
      ECS_DEPLOY_TEST_AUTH_REGISTRY: authRegistry.address,
      ECS_DEPLOY_TEST_BASE_IMAGE: baseImage,
    },
  };
}

/** Dummy credentials and no instance-metadata lookups: tests only ever talk to 127.0.0.1. */
export const TEST_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
};
