import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConnectionFromFiles } from '../../../src/aws/connection';
import { listProfiles } from '../../../src/aws/profiles';

describe('profiles from the shared config and credentials files', () => {
  let dir: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-profiles-'));
    fs.writeFileSync(
      path.join(dir, 'config'),
      [
        '[default]',
        'region = us-west-2',
        '[profile dev]',
        'region = eu-west-1',
        '[profile sso-admin]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Admin',
        'region = eu-central-1',
        '[profile legacy-sso]',
        'sso_start_url = https://corp.awsapps.com/start',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = eu-west-1',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'credentials'), '[default]\naws_access_key_id = a\naws_secret_access_key = b\n[ci]\naws_access_key_id = c\naws_secret_access_key = d\n');
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  });

  afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists profiles of both files once, sorted, SSO ones marked, sso-session sections left out', async () => {
    const profiles = await listProfiles();
    assert.deepEqual(
      profiles.map((p) => [p.name, p.region ?? null, p.sso, p.sources.join('+')]),
      [
        ['ci', null, false, 'credentials'],
        ['default', 'us-west-2', false, 'config+credentials'],
        ['dev', 'eu-west-1', false, 'config'],
        ['legacy-sso', null, true, 'config'],
        ['sso-admin', 'eu-central-1', true, 'config'],
      ],
    );
  });

  it("takes the region from the chosen profile when no region is set", async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    const env = { ...process.env, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined };
    assert.equal((await resolveConnectionFromFiles({ profile: 'sso-admin' }, env)).region, 'eu-central-1');
    assert.equal((await resolveConnectionFromFiles({}, env)).region, 'us-west-2');
    assert.equal((await resolveConnectionFromFiles({ profile: 'dev', region: 'ap-south-1' }, env)).region, 'ap-south-1');
  });

  it('reads changes to the files without restarting', async () => {
    assert.ok(!(await listProfiles()).some((p) => p.name === 'late'));
    fs.appendFileSync(path.join(dir, 'config'), '[profile late]\nregion = sa-east-1\n');
    assert.ok((await listProfiles()).some((p) => p.name === 'late'));
  });
});
