// Child processes the harness starts: each in its own process group, stopped by PID when the
// run ends — normally, on failure, or on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const running = new Set();

/** Starts a long-lived helper whose output goes to `logFile`; returns the ChildProcess. */
export function startProcess(name, command, args, { logFile, env, cwd } = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', out, out], detached: true });
  child.harnessName = name;
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM every process group we started, wait up to `ms`, then SIGKILL what is left. */
export async function stopAll(ms = 8000) {
  const procs = [...running];
  for (const p of procs) signalGroup(p, 'SIGTERM');
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && procs.some((p) => p.exitCode === null && p.signalCode === null)) {
    await sleep(100);
  }
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) signalGroup(p, 'SIGKILL');
}

function signalGroup(p, sig) {
  try {
    process.kill(-p.pid, sig);
  } catch {
    try { p.kill(sig); } catch { /* already gone */ }
  }
}

/** Make sure helpers never outlive the harness, whatever way it ends. */
export function stopAllOnExit() {
  const syncKill = () => { for (const p of running) signalGroup(p, 'SIGKILL'); };
  process.once('exit', syncKill);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => {
      console.error(`\n[harness] ${sig}: stopping helpers…`);
      await stopAll(5000);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Polls `check` until it resolves true, or fails with `what` and the log's tail. */
export async function waitFor(what, check, { timeoutMs = 30000, child, logFile } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) break;
    try {
      if (await check()) return;
    } catch { /* not yet */ }
    await sleep(100);
  }
  const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
  const state = child && child.exitCode !== null ? `it exited with code ${child.exitCode}` : `not ready after ${timeoutMs} ms`;
  throw new Error(`${what} could not start: ${state}${tail ? `\n--- last lines of ${logFile}:\n${tail}` : ''}`);
}

/** Unmounts what a killed dockerd left mounted under `dir` (its data root), so the folder can go. */
export function unmountUnder(dir) {
  let mounts = [];
  try {
    mounts = fs.readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1]).filter((m) => m && m.startsWith(dir));
  } catch {
    return;
  }
  for (const m of mounts.sort((a, b) => b.length - a.length)) spawnSync('umount', ['-l', m]);
}
