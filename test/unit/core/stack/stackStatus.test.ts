import * as assert from 'node:assert/strict';
import { StackStatus } from '@aws-sdk/client-cloudformation';
import { classifyStackStatus, describeStackStatus, isStackOperationEnd, STACK_FAILURE_STATUSES, STACK_SUCCESS_STATUSES } from '../../../../src/core/stack/stackStatus';
import { describedStack } from './fixtures/stackEvents';

describe('stack status', () => {
  it('a stack left in ROLLBACK_COMPLETE by a failed first create must be deleted, after asking, before creating again', () => {
    const stack = describedStack('ROLLBACK_COMPLETE');
    const s = classifyStackStatus(stack.StackStatus);
    assert.equal(s.kind, 'rolled-back');
    assert.equal(s.deleteBeforeCreate, true);
    assert.equal(s.changeSetType, undefined, 'CloudFormation refuses to update it');
    assert.equal(s.settled, true);
    assert.match(s.blockedBy!, /delete it, then launch again/);
    assert.equal(s.words, 'rolled back after a failed create');
    for (const st of ['ROLLBACK_FAILED', 'CREATE_FAILED'] as const) assert.equal(classifyStackStatus(st).deleteBeforeCreate, true, st);
  });

  it('no stack, a deleted one, or one made by an unexecuted CREATE change set: create (nothing to delete)', () => {
    for (const st of [undefined, 'DELETE_COMPLETE', 'REVIEW_IN_PROGRESS']) {
      const s = classifyStackStatus(st);
      assert.equal(s.changeSetType, 'CREATE', String(st));
      assert.equal(s.deleteBeforeCreate, false, String(st));
      assert.equal(s.blockedBy, undefined, String(st));
    }
    assert.equal(classifyStackStatus('REVIEW_IN_PROGRESS').kind, 'review');
    assert.equal(classifyStackStatus(undefined).words, 'does not exist');
  });

  it('complete or rolled-back updates take an UPDATE change set', () => {
    for (const st of ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE']) {
      assert.equal(classifyStackStatus(st).changeSetType, 'UPDATE', st);
    }
    assert.equal(classifyStackStatus('UPDATE_ROLLBACK_COMPLETE').kind, 'rolled-back');
    assert.equal(classifyStackStatus('UPDATE_COMPLETE').kind, 'complete');
  });

  it('every *_IN_PROGRESS but REVIEW blocks a launch until it ends', () => {
    const running = Object.values(StackStatus).filter((s) => s.endsWith('_IN_PROGRESS') && s !== 'REVIEW_IN_PROGRESS');
    assert.ok(running.length >= 9);
    for (const st of running) {
      const s = classifyStackStatus(st);
      assert.equal(s.kind, 'in-progress', st);
      assert.equal(s.settled, false, st);
      assert.equal(s.changeSetType, undefined, st);
      assert.match(s.blockedBy!, /wait until it finishes/, st);
      assert.equal(isStackOperationEnd(st), false, st);
    }
  });

  it('failed rollbacks and deletes say what to do', () => {
    assert.match(classifyStackStatus('UPDATE_ROLLBACK_FAILED').blockedBy!, /Continue update rollback/);
    assert.match(classifyStackStatus('DELETE_FAILED').blockedBy!, /delete the app again/);
    assert.equal(classifyStackStatus('UPDATE_FAILED').changeSetType, 'UPDATE', 'with rollback disabled the stack keeps its resources');
  });

  it('every status of the API is worded, and each terminal one is either success or failure', () => {
    for (const st of Object.values(StackStatus)) {
      assert.doesNotMatch(describeStackStatus(st), /_/, st);
      assert.ok(!(STACK_SUCCESS_STATUSES.has(st) && STACK_FAILURE_STATUSES.has(st)), st);
      if (/_(COMPLETE|FAILED)$/.test(st)) assert.equal(isStackOperationEnd(st), true, st);
    }
    assert.equal(describeStackStatus('ROLLBACK_COMPLETE'), 'rolled back after a failed create');
  });
});
