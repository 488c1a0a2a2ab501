import * as assert from 'node:assert/strict';
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { authRegistry, anonymousRegistry, motoEndpoint, testCredentials } from '../env';

/**
 * The stand-ins fit together as ECR does: the token moto's GetAuthorizationToken returns is
 * the password of the basic-auth registry. Later features (build and push) rely on this.
 */
describe('the harness components', () => {
  it("moto's ECR token opens the basic-auth registry, and nothing else does", async () => {
    const ecr = new ECRClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: testCredentials, maxAttempts: 1 });
    const out = await ecr.send(new GetAuthorizationTokenCommand({}));
    ecr.destroy();
    const token = out.authorizationData?.[0]?.authorizationToken;
    assert.ok(token);
    const basic = `Basic ${token}`;
    const url = `http://${authRegistry()}/v2/`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { authorization: `Basic ${Buffer.from('AWS:wrong').toString('base64')}` } })).status, 401);
    assert.equal((await fetch(url, { headers: { authorization: basic } })).status, 200);
  });

  it('the anonymous registry answers the v2 API on 127.0.0.1', async () => {
    assert.match(anonymousRegistry(), /^127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`http://${anonymousRegistry()}/v2/`)).status, 200);
  });
});
