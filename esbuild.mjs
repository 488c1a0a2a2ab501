// Bundles the extension and the CLI into single CommonJS files (vscode stays external).
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * dockerode loads an SSH client (ssh:// engines) and gRPC (BuildKit sessions) when it loads; we
 * reach engines over unix sockets, named pipes and tcp with the classic builder, so those stay
 * out of the bundle: about 100 ms less at every start, and a smaller .vsix.
 */
const UNUSED = /^(ssh2|@grpc\/grpc-js|@grpc\/proto-loader)$/;
const stubUnused = {
  name: 'stub-unused',
  setup(build) {
    build.onResolve({ filter: UNUSED }, (args) => ({ path: args.path, namespace: 'stub-unused' }));
    build.onLoad({ filter: /.*/, namespace: 'stub-unused' }, (args) => ({
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not part of ECS Deploy: ssh:// engines and BuildKit sessions are not supported`)}); };
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' || typeof key === 'symbol' ? undefined : fail) });`,
      loader: 'js',
    }));
  },
};

/**
 * The SDK's HTTP handler loads node:http with `await import()` for http:// endpoints (emulators
 * such as moto or LocalStack). Importing a built-in as ESM evaluates every export, and node:http's
 * lazy WebSocket getters then load undici: ~30 ms at the first AWS call. A require() does not.
 */
const requireNodeHttp = {
  name: 'require-node-http',
  setup(build) {
    build.onLoad({ filter: /@smithy[\\/]node-http-handler[\\/].*\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replaceAll('await import("node:http")', 'require("node:http")'), loader: 'js' };
    });
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  define: { ECS_DEPLOY_VERSION: JSON.stringify(version) },
  // ssh2 (through dockerode) loads optional native helpers inside try/catch; leave them out.
  external: ['vscode', 'cpu-features', '*.node'],
  plugins: [stubUnused, requireNodeHttp],
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli-main.js' },
];

/** dist/cli.js (package.json "bin") is a tiny launcher for the bundle. */
function writeLauncher() {
  fs.copyFileSync('src/cli/bin/cli.cjs', 'dist/cli.js');
  fs.chmodSync('dist/cli.js', 0o755);
}

if (watch) {
  writeLauncher();
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeLauncher();
}
