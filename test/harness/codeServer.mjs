// Starts code-server (a real VS Code whose extension host runs in Node) on 127.0.0.1 with a
// throw-away profile. Shared by the e2e runner and the sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { freePort, startProcess, waitFor } from './processes.mjs';
import http from 'node:http';

const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
};

// No marketplace here: point the gallery at a closed loopback port instead of the internet.
const OFFLINE_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' });

/**
 * @param {{ bin: string, baseDir: string, userSettings?: object, extensionsDir?: string,
 *           env?: object, smokeTestDriver?: boolean, port?: number }} opts
 */
export async function startCodeServer(opts) {
  const { bin, baseDir } = opts;
  if (!bin || !fs.existsSync(bin)) throw new Error(`code-server not found at ${bin} — run test/harness/install-tools.sh`);
  const port = opts.port ?? (await freePort());
  fs.mkdirSync(path.join(baseDir, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(baseDir, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.userSettings ?? {}) }, null, 2),
  );
  const config = path.join(baseDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const extensionsDir = opts.extensionsDir ?? path.join(baseDir, 'extensions');
  const args = [
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', path.join(baseDir, 'user-data'),
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  // A built VS Code honours ?payload= (extensionDevelopmentPath/extensionTestsPath) only with this.
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const xdg = xdgDirs(baseDir);
  const logFile = path.join(baseDir, 'code-server.log');
  const child = startProcess('code-server', bin, args, { logFile, env: { ...process.env, EXTENSIONS_GALLERY: OFFLINE_GALLERY, ...xdg, ...(opts.env ?? {}) } });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('code-server', () => httpStatus(`${url}/healthz`).then((s) => s === 200), { child, logFile, timeoutMs: 60000 });
  return { url, port, child, logFile, extensionsDir, xdg };
}

/** Keeps code-server's and Chromium's state out of $HOME. */
export function xdgDirs(baseDir) {
  return {
    XDG_DATA_HOME: path.join(baseDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(baseDir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(baseDir, 'xdg-cache'),
  };
}

function httpStatus(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Debian Chromium through playwright-core (no browser download). */
export async function launchChromium(baseDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, ...xdgDirs(baseDir), HOME: path.join(baseDir, 'browser-home') },
    args: CHROMIUM_ARGS,
  });
}
