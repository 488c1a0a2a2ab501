import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { launchChoices, launchProblem } from '../../../../src/core/stack/launchChoices';
import { hasXEcs, withLaunchXEcs } from '../../../../src/core/stack/launchXEcs';
import type { RenderInput } from '../../../../src/core/compose/renderTask';
import { readFileOrUndefined } from '../../../../src/flows/renderCompose';
import { SAMPLE_APP } from './stackHelper';

const sampleInput = (): RenderInput => {
  const text = fs.readFileSync(path.join(SAMPLE_APP, 'compose.yaml'), 'utf8');
  return {
    files: [{ path: path.join(SAMPLE_APP, 'compose.yaml'), text }],
    projectDirectory: SAMPLE_APP,
    env: {},
    profiles: [],
    readFile: readFileOrUndefined,
    options: { region: 'us-east-1' },
  };
};

describe('Launch answers: what the steps offer, and the x-ecs they write', () => {
  it('the sample app offers both published ports, the mongo volume as a database volume, and default names', () => {
    const c = launchChoices(sampleInput(), {});
    assert.deepEqual(c.ports.map((p) => `${p.service}:${p.port}`), ['backend:3000', 'mongodb:27017']);
    assert.deepEqual(c.volumes, [{ name: 'mongo-data', writers: ['mongodb'], database: 'mongo' }]);
    assert.equal(c.app?.serviceName, 'sample-app');
    assert.equal(c.app?.clusterName, 'sample-app');
    assert.deepEqual(c.errors, []);
  });

  it('answers change the app the steps show', () => {
    const c = launchChoices(sampleInput(), { service: 'goals', cluster: 'prod', port: 'backend:3000', ephemeral: ['mongo-data'] });
    assert.equal(c.app?.stackName, 'ecs-deploy-prod-goals');
    assert.deepEqual(c.app?.publicPort, { container: 'backend', port: 3000 });
    assert.deepEqual(c.app?.ephemeralVolumes, ['mongo-data']);
  });

  it('the database trap is refused for the step that asks for copies, and allowed on task storage', () => {
    const problem = launchProblem(sampleInput(), { port: 'backend:3000', min: 1, max: 3 });
    assert.match(problem ?? '', /DocumentDB|Atlas/);
    assert.equal(launchProblem(sampleInput(), { port: 'backend:3000', min: 1, max: 3, ephemeral: ['mongo-data'] }), undefined);
  });

  it('writes the answers under the top-level x-ecs, keeping comments and other keys, and removes unset ones', () => {
    const source = '# my app\nservices:\n  web:\n    image: nginx # the front\nx-ecs:\n  cpu: 512\n  vpc: new\n';
    const out = withLaunchXEcs(source, { service: 'web', cluster: 'prod', port: 'web:80', min: 1, max: 4, cpuTarget: 60, ephemeral: ['cache'] })!;
    assert.match(out, /^# my app/);
    assert.match(out, /image: nginx # the front/);
    const x = parse(out)['x-ecs'];
    assert.deepEqual(x, { cpu: 512, service: 'web', cluster: 'prod', port: 'web:80', scaling: { min: 1, max: 4, cpuTarget: 60 }, ephemeral: ['cache'] });
    assert.ok(hasXEcs(source));
    assert.ok(!hasXEcs('services: {web: {image: nginx}}\n'));
    // Launching again with fewer answers takes the old ones out.
    const again = parse(withLaunchXEcs(out, { service: 'web', cluster: 'prod', port: 'none' })!)['x-ecs'];
    assert.deepEqual(again, { cpu: 512, service: 'web', cluster: 'prod', port: 'none' });
  });

  it('what it writes is read back as the same launch options', () => {
    const source = fs.readFileSync(path.join(SAMPLE_APP, 'compose.yaml'), 'utf8');
    const answers = { service: 'goals', cluster: 'prod', vpc: 'new', port: 'backend:3000', healthCheckPath: '/health', desired: 1, ephemeral: ['mongo-data'] };
    const written = withLaunchXEcs(source, answers)!;
    const c = launchChoices({ ...sampleInput(), files: [{ path: path.join(SAMPLE_APP, 'compose.yaml'), text: written }] }, {});
    assert.equal(c.app?.serviceName, 'goals');
    assert.equal(c.app?.clusterName, 'prod');
    assert.deepEqual(c.app?.network, { mode: 'new' });
    assert.equal(c.app?.healthCheckPath, '/health');
    assert.deepEqual(c.app?.ephemeralVolumes, ['mongo-data']);
  });

  it('an unparsable file is not rewritten', () => {
    assert.equal(withLaunchXEcs('services: [\n', { service: 'x' }), undefined);
  });
});
