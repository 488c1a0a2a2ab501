#!/usr/bin/env node
import { runCli } from './main';

// The `ecs-deploy` binary: wires process streams, env and Ctrl-C to runCli.
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

void runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = code;
});
