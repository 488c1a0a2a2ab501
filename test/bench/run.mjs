#!/usr/bin/env node
// `npm run bench [NAME...]`: prepares the machine like `npm test`, builds, then runs each
// test/bench/NAME.bench.mjs (all of them by default) in its own process. Each benchmark starts
// the real components it needs through test/harness and prints its figures and ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { continueOnNode24, prepareEnvironment } from '../harness/prepare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
prepareEnvironment(root, (m) => console.log(`[bench] ${m}`));
await continueOnNode24();

// The production bundles (minified, as the .vsix and `ecs-deploy` ship): start-up time is measured.
for (const [cmd, args] of [['node', ['esbuild.mjs', '--production']], ['npx', ['tsc', '-p', '.']]]) {
  if (spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status !== 0) {
    console.error('[bench] build failed');
    process.exit(1);
  }
}

const names = process.argv.slice(2);
const all = fs.readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).map((f) => f.replace(/\.bench\.mjs$/, '')).sort();
const chosen = names.length ? names : all;
const unknown = chosen.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`[bench] no such benchmark: ${unknown.join(', ')} (have: ${all.join(', ') || 'none'})`);
  process.exit(2);
}
let failed = 0;
for (const name of chosen) {
  console.log(`\n=== bench: ${name}`);
  const r = spawnSync('node', [path.join(here, `${name}.bench.mjs`)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`[bench] ${name} exited with ${r.status}`);
  }
}
if (!chosen.length) console.log('[bench] no benchmarks yet');
process.exit(failed ? 1 : 0);
