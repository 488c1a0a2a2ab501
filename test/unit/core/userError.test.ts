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
});
