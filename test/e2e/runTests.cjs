// The standard @vscode/test-electron entry point. Here no desktop VS Code can be downloaded,
// so vscodeExecutablePath points at a shim that runs the same tests in code-server.
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '../..');
runTests({
  vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || path.join(root, 'test/harness/code-shim.mjs'),
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out/test/e2e/suite/index.js'),
  launchArgs: [process.env.ECS_DEPLOY_E2E_WORKSPACE || path.join(root, 'test/fixtures/sample-app')],
}).catch((err) => {
  console.error(`e2e: ${err.message ?? err}`);
  process.exit(1);
});
