import * as assert from 'node:assert/strict';
import { moveVariableToSecrets, removeEnvFileLine, removeVolumeAtLine } from '../../../../src/core/compose/quickFixes';
import { ok, render } from './renderHelper';

const YAML = `services:
  api:
    image: api   # the API
    environment:
      DB_PASSWORD: hunter2
      MODE: prod
    volumes:
      - ./src:/app
      - data:/data
volumes:
  data:
`;

describe('compose: quick-fix edits', () => {
  it('removes the bind mount on the diagnostic line, keeping comments and the rest', () => {
    const line = render(YAML).diagnostics.find((d) => d.code === 'bind-mount')!.line;
    const out = removeVolumeAtLine(YAML, 'api', line)!;
    assert.ok(out.includes('# the API'));
    assert.ok(!out.includes('./src:/app'));
    assert.ok(out.includes('- data:/data'));
    assert.ok(!ok(out).diags.some((d) => d.code === 'bind-mount'));
    assert.equal(removeVolumeAtLine(YAML, 'api', 2), undefined);
  });
  it('moves a secret-looking variable to x-ecs secrets, and the result renders with a secret', () => {
    const out = moveVariableToSecrets(YAML, 'api', 'DB_PASSWORD', '/proj/DB_PASSWORD')!;
    const { container, diags } = ok(out);
    assert.deepEqual(container('api').secrets, [{ name: 'DB_PASSWORD', valueFrom: '/proj/DB_PASSWORD' }]);
    assert.deepEqual(container('api').environment, [{ name: 'MODE', value: 'prod' }]);
    assert.ok(!diags.some((d) => d.code === 'secret-in-environment'));
    const list = moveVariableToSecrets('services:\n  a:\n    image: x\n    environment: ["TOKEN=abc", "B=1"]\n', 'a', 'TOKEN', '/p/TOKEN')!;
    assert.deepEqual(ok(list).container('a').environment, [{ name: 'B', value: '1' }]);
  });
  it('removes a variable line from an env file', () => {
    assert.equal(removeEnvFileLine('A=1\nexport API_TOKEN=xyz\nB=2\n', 'API_TOKEN'), 'A=1\nB=2\n');
  });
});
