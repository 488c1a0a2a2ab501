import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LAUNCH_X_ECS_KEYS, TASK_X_ECS_KEYS } from '../../../../src/core/stack/index';
import { LOG_RETENTION_DAYS } from '../../../../src/core/stack/launchOptions';
import { ROOT, stack } from './stackHelper';

interface Node {
  properties?: Record<string, Node>;
  enum?: unknown[];
  pattern?: string;
  additionalProperties?: boolean | Node;
  items?: Node;
}
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'compose-x-ecs.schema.json'), 'utf8')) as { definitions: Record<string, Node> };

describe('schemas/compose-x-ecs.schema.json', () => {
  const task = SCHEMA.definitions.taskXEcs;
  it('names exactly the top-level x-ecs keys the code reads, and the same retentions', () => {
    assert.deepEqual(Object.keys(task.properties!).sort(), [...TASK_X_ECS_KEYS, ...LAUNCH_X_ECS_KEYS].sort());
    assert.deepEqual(Object.keys(task.properties!.scaling.properties!).sort(), ['cpuTarget', 'max', 'min']);
    assert.deepEqual(task.properties!.logRetentionDays.enum, [...LOG_RETENTION_DAYS]);
  });

  it('its patterns accept what the stack accepts and refuse what it refuses', () => {
    const pattern = (key: string) => new RegExp(task.properties![key].pattern!);
    const yaml = (key: string, value: string) => `services:\n  web: {image: nginx, ports: ["80"]}\nx-ecs:\n  ${key}: ${value}\n`;
    const cases: Array<[string, string]> = [['vpc', 'new'], ['vpc', 'vpc-0123456789abcdef0'], ['vpc', 'my-vpc'], ['port', 'web:80'], ['port', 'none'], ['port', '80'], ['healthCheckPath', '/ping'], ['healthCheckPath', 'ping'], ['cluster', 'prod_1'], ['cluster', 'a b']];
    for (const [key, value] of cases) {
      const accepted = !stack(yaml(key, `"${value}"`)).diagnostics.some((d) => d.severity === 'error' && d.code === 'x-ecs');
      assert.equal(pattern(key).test(value), accepted, `${key}: ${value}`);
    }
  });
});
