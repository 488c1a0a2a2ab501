import * as assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../../..');

/** Lints one line as if it were a file at `file`; returns the no-restricted-imports messages. */
async function restricted(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('ESLint keeps the layers pointing downward', function () {
  this.timeout(30000);
  const forbidden: Array<[string, string]> = [
    ['src/core/compose/x.ts', "import '../../aws/clients';"],
    ['src/core/x.ts', "import '../aws/clients';"],
    ['src/core/logs/x.ts', "import '../../flows/sleep';"],
    ['src/core/x.ts', "import * as vscode from 'vscode';"],
    ['src/aws/x.ts', "import '../docker/engine';"],
    ['src/aws/x.ts', "import '../flows/sleep';"],
    ['src/docker/x.ts', "import '../aws/clients';"],
    ['src/docker/x.ts', "import '@aws-sdk/client-ecs';"],
    ['src/flows/logs/x.ts', "import '../../cli/io';"],
    ['src/flows/stack/x.ts', "import '../../extension/output';"],
    ['src/cli/commands/x.ts', "import '../../extension/output';"],
  ];
  for (const [file, code] of forbidden) {
    it(`refuses ${code} in ${file}`, async () => {
      assert.equal((await restricted(file, code)).length, 1, `${code} in ${file} passed lint`);
    });
  }
  const allowed: Array<[string, string]> = [
    ['src/flows/stack/x.ts', "import '../../aws/clients';"],
    ['src/core/x.ts', "import '@aws-sdk/client-ecs';"],
    ['src/extension/x.ts', "import '../flows/sleep';"],
  ];
  for (const [file, code] of allowed) {
    it(`allows ${code} in ${file}`, async () => {
      assert.deepEqual(await restricted(file, code), []);
    });
  }
});
