import * as assert from 'node:assert/strict';
import { connectionLabel, isSafeProfileName, profileName, resolveConnection, validateEndpoint } from '../../../src/core/connection';

describe('resolveConnection', () => {
  const profileRegion = (p: string) => ({ dev: 'eu-west-1', default: 'us-west-2' })[p];

  it('prefers settings over the environment over the profile region', () => {
    const env = { AWS_PROFILE: 'dev', AWS_REGION: 'ap-south-1' };
    assert.deepEqual(resolveConnection({ profile: 'prod', region: 'us-east-2' }, { env, profileRegion }), {
      profile: 'prod',
      region: 'us-east-2',
      endpoint: undefined,
      ecrRegistryAddress: undefined,
    });
    assert.equal(resolveConnection({}, { env, profileRegion }).profile, 'dev');
    assert.equal(resolveConnection({}, { env, profileRegion }).region, 'ap-south-1');
  });

  it("falls back to the chosen profile's own region, then AWS_DEFAULT_REGION order is respected", () => {
    assert.equal(resolveConnection({ profile: 'dev' }, { env: {}, profileRegion }).region, 'eu-west-1');
    assert.equal(resolveConnection({ profile: 'dev' }, { env: { AWS_DEFAULT_REGION: 'sa-east-1' }, profileRegion }).region, 'sa-east-1');
  });

  it('leaves the profile unset (the SDK default chain) when none is chosen, and reads "default" region', () => {
    const c = resolveConnection({ profile: '  ' }, { env: {}, profileRegion });
    assert.equal(c.profile, undefined);
    assert.equal(profileName(c), 'default');
    assert.equal(c.region, 'us-west-2');
  });

  it('defaults the region to us-east-1 and trims blank endpoint settings away', () => {
    const c = resolveConnection({ endpoint: ' ', ecrRegistryAddress: '127.0.0.1:5001 ' }, { env: {} });
    assert.equal(c.region, 'us-east-1');
    assert.equal(c.endpoint, undefined);
    assert.equal(c.ecrRegistryAddress, '127.0.0.1:5001');
  });
});

describe('connectionLabel', () => {
  it('reads "ECS: <profile> · <region>" and marks a custom endpoint', () => {
    assert.equal(connectionLabel({ profile: 'dev', region: 'eu-west-1' }), 'ECS: dev · eu-west-1');
    assert.equal(connectionLabel({ region: 'us-east-1', endpoint: 'http://x:1' }), 'ECS: Default credential chain · us-east-1 (custom endpoint)');
  });
});

describe('validateEndpoint', () => {
  it('accepts http and https URLs and empty', () => {
    assert.equal(validateEndpoint(undefined), undefined);
    assert.equal(validateEndpoint('http://127.0.0.1:4566'), undefined);
    assert.equal(validateEndpoint('https://ecs.example.com'), undefined);
  });

  it('explains what is wrong with anything else', () => {
    assert.match(validateEndpoint('localhost:4566') ?? '', /must start with http:\/\/ or https:\/\//);
    assert.match(validateEndpoint('not a url') ?? '', /is not a URL/);
  });
});

describe('isSafeProfileName', () => {
  it('accepts profile names people use and refuses shell syntax', () => {
    for (const ok of ['default', 'dev-admin', 'team.prod', 'me@corp', 'a_b+c']) assert.ok(isSafeProfileName(ok), ok);
    for (const bad of ['x; rm -rf ~', '$(id)', 'a b', '', '`x`']) assert.ok(!isSafeProfileName(bad), bad);
  });
});
