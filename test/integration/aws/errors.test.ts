import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AwsClients } from '../../../src/aws/clients';
import { listClusters } from '../../../src/aws/clusters';
import { describeAwsError } from '../../../src/core/awsErrors';
import { motoEndpoint, resetMoto } from '../env';

/** What the real SDK throws, classified: the shapes unit tests assume are checked here. */
describe('AWS failures, as the real SDK raises them', () => {
  let dir: string;
  const saved = { ...process.env };

  beforeEach(async () => {
    await resetMoto();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-cfg-'));
    fs.writeFileSync(path.join(dir, 'config'), '[profile moto]\nregion = us-east-1\n');
    fs.writeFileSync(path.join(dir, 'credentials'), '[moto]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  });

  afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a profile from the shared files authenticates through the default provider chain', async () => {
    const clients = new AwsClients({ profile: 'moto', region: 'us-east-1', endpoint: motoEndpoint() });
    assert.deepEqual(await listClusters(clients.ecs), []);
    clients.dispose();
  });

  it('an unknown profile is a credentials error that names the profile', async () => {
    const clients = new AwsClients({ profile: 'no-such-profile', region: 'us-east-1', endpoint: motoEndpoint() });
    const err = await listClusters(clients.ecs).then(() => undefined, (e: unknown) => e);
    clients.dispose();
    const d = describeAwsError(err, { profile: 'no-such-profile' });
    assert.equal(d.kind, 'credentials');
    assert.match(d.message, /no-such-profile/);
  });

  it('a closed port is a network error that names the endpoint', async () => {
    const clients = new AwsClients({ profile: 'moto', region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });
    const err = await listClusters(clients.ecs).then(() => undefined, (e: unknown) => e);
    clients.dispose();
    assert.deepEqual(describeAwsError(err, { service: 'ECS', endpoint: 'http://127.0.0.1:9' }), {
      kind: 'network',
      message: 'Could not reach ECS at http://127.0.0.1:9: connection refused',
      short: 'Could not reach ECS: connection refused',
    });
  });
});
