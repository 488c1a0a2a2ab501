import * as assert from 'node:assert/strict';
import { markDeadline } from '../../../src/aws/deadline';
import { userMessage } from '../../../src/core/userError';

const request = { protocol: 'https:', hostname: 'ecs.eu-west-1.amazonaws.com' };
const timeout = (message: string, code?: string) => Object.assign(new Error(message), { name: 'TimeoutError', code, $metadata: {} });

describe('deadline marks', () => {
  it('an answer that never came names the endpoint and the seconds of that call', () => {
    const err = markDeadline(timeout('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 30000 ms requestTimeout.', 'ETIMEDOUT'), request, 30_000);
    assert.equal(userMessage(err), 'No answer from https://ecs.eu-west-1.amazonaws.com in 30 s — is it reachable?');
    const longer = markDeadline(timeout('exceeded the configured 120000 ms requestTimeout', 'ETIMEDOUT'), { protocol: 'http:', hostname: '127.0.0.1', port: 4566 }, 120_000);
    assert.equal(userMessage(longer), 'No answer from http://127.0.0.1:4566 in 120 s — is it reachable?');
  });

  it('a connection that never opened is said as such', () => {
    const err = markDeadline(timeout('the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'), request, 30_000);
    assert.equal(userMessage(err), 'Could not connect to https://ecs.eu-west-1.amazonaws.com in 5 s — is it reachable?');
  });

  it("resets and refusals, which the SDK also names TimeoutError, are not deadlines", () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE']) {
      const err = markDeadline(timeout(`read ${code}`, code), request, 30_000) as { $deadline?: unknown };
      assert.equal(err.$deadline, undefined, code);
      assert.doesNotMatch(userMessage(err, { service: 'ECS' }), /No answer|TimeoutError/);
    }
  });
});
