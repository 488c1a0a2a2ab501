#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's vscodeExecutablePath: takes the
// desktop flags runTests passes and runs the tests in code-server + headless Chromium instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (k) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
const positional = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const args = [
  path.join(here, 'run-in-code-server.mjs'),
  '--ext', flag('extensionDevelopmentPath'),
  '--tests', flag('extensionTestsPath'),
  '--workspace', positional[0] || process.cwd(),
];
if (flag('extensions-dir')) args.push('--extensions-dir', flag('extensions-dir'));
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
