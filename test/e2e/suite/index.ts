// extensionTestsPath entry: VS Code calls run() inside the extension host.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

export function run(): Promise<void> {
  // ECS_DEPLOY_E2E_GREP runs only the tests whose titles match (a quicker loop while writing one).
  const grep = process.env.ECS_DEPLOY_E2E_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The closing line the harness reads and sums with the other tiers.
      console.log(`${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed, ${runner.stats?.pending ?? 0} skipped`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
