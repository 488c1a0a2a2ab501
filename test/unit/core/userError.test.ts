import * as assert from 'node:assert/strict';
import { UserError, userMessage } from '../../../src/core/userError';

describe('userMessage', () => {
  it('shows our own errors as written', () => {
    assert.equal(userMessage(new UserError('Pick a cluster first')), 'Pick a cluster first');
  });

  it('describes AWS service errors', () => {
    const e = Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    assert.match(userMessage(e, { action: 'ecs:ListClusters' }), /^AccessDenied on ecs:ListClusters/);
  });

  it('keeps only the first line of other errors, never a stack', () => {
    const e = new Error('boom\n    at foo (file.js:1:1)');
    assert.equal(userMessage(e), 'boom');
    assert.equal(userMessage(42), '42');
  });

  it("words Node's file and socket errors, never showing the raw code", () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/app/Dockerfile'"), { code: 'ENOENT', path: '/app/Dockerfile' });
    assert.equal(userMessage(enoent), '/app/Dockerfile does not exist');
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const hangUp = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2375'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 2375 });
    for (const e of [enoent, reset, hangUp, refused, new Error('socket hang up')]) {
      assert.doesNotMatch(userMessage(e), /ENOENT|ECONNRESET|ECONNREFUSED|socket hang up/, userMessage(e));
    }
    assert.equal(userMessage(refused), 'Nothing is listening at 127.0.0.1:2375 — is it running?');
  });
});
