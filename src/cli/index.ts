#!/usr/bin/env node
import { runCli } from './main';

// The `ecs-deploy` binary: wires process streams, env and Ctrl-C to runCli.

// stderr is for our own lines: third-party runtime notices (the AWS SDK's NodeVersionSupportWarning
// on Node 20, deprecations of dependencies) go to the debug output only. Read by the SDK when a
// client is made, which is after this line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (process.env.ECS_DEPLOY_DEBUG) process.stderr.write(`debug: ${w.name}: ${w.message.split('\n')[0]}\n`);
});

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  // First Ctrl-C stops the operation cleanly; a second one leaves at once.
  if (++interrupts > 1) process.exit(130);
  controller.abort();
});
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0); // `ecs-deploy clusters | head` is fine
});

/** Reads one answer from the terminal; anything but y/yes is a no. */
function ask(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    process.stderr.write(`${question} [y/N] `);
    const onData = (d: Buffer) => {
      process.stdin.off('data', onData);
      process.stdin.pause();
      resolve(/^\s*y(es)?\s*$/i.test(d.toString()));
    };
    controller.signal.addEventListener('abort', () => (process.stdin.off('data', onData), process.stdin.pause(), resolve(false)), { once: true });
    process.stdin.resume();
    process.stdin.on('data', onData);
  });
}

void runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  signal: controller.signal,
  ...(process.stdin.isTTY && process.stderr.isTTY ? { ask } : {}),
}).then((code) => {
  process.exitCode = code;
});
