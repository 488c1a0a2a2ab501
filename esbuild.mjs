// Bundles the extension and the CLI into single CommonJS files (vscode stays external).
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { ECS_DEPLOY_VERSION: JSON.stringify(version) },
  // ssh2 (through dockerode) loads optional native helpers inside try/catch; leave them out.
  external: ['vscode', 'cpu-features', '*.node'],
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}
