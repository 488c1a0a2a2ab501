/**
 * Where a stack stands, from its StackStatus: whether an operation is running, how the last one
 * ended, and what launching the app again has to do first.
 */
export type StackStatusKind =
  /** An operation (create, update, delete, rollback, cleanup) is running: wait for it. */
  | 'in-progress'
  /** The last operation succeeded (CREATE_COMPLETE, UPDATE_COMPLETE, IMPORT_COMPLETE). */
  | 'complete'
  /** The last operation failed and CloudFormation undid it (ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE…). */
  | 'rolled-back'
  /** The last operation failed and was not (fully) undone (…_FAILED). */
  | 'failed'
  /** The stack is gone (DELETE_COMPLETE, or no stack at all). */
  | 'deleted'
  /** Made by a CREATE change set that was never executed: no resources. */
  | 'review';

export interface StackStatusInfo {
  readonly status: string;
  readonly kind: StackStatusKind;
  /** No operation is running: another may start (or the one being followed has ended). */
  readonly settled: boolean;
  /** The change set type a launch uses now; undefined while it cannot make one (see `blockedBy`). */
  readonly changeSetType?: 'CREATE' | 'UPDATE';
  /**
   * A failed first create left the stack behind (ROLLBACK_COMPLETE, ROLLBACK_FAILED, CREATE_FAILED):
   * it can never be updated, only deleted — after asking — and created again.
   */
  readonly deleteBeforeCreate: boolean;
  /** Why a launch cannot go ahead now, and what to do; undefined when it can. */
  readonly blockedBy?: string;
  /** "being created", "rolled back after a failed update"… */
  readonly words: string;
}

const WORDS: Record<string, string> = {
  CREATE_IN_PROGRESS: 'being created',
  CREATE_COMPLETE: 'created',
  CREATE_FAILED: 'failed to create',
  ROLLBACK_IN_PROGRESS: 'rolling back a failed create',
  ROLLBACK_COMPLETE: 'rolled back after a failed create',
  ROLLBACK_FAILED: 'failed to roll back a failed create',
  UPDATE_IN_PROGRESS: 'being updated',
  UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: 'updated, removing replaced resources',
  UPDATE_COMPLETE: 'updated',
  UPDATE_FAILED: 'failed to update',
  UPDATE_ROLLBACK_IN_PROGRESS: 'rolling back a failed update',
  UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: 'rolled back an update, removing what it added',
  UPDATE_ROLLBACK_COMPLETE: 'rolled back after a failed update',
  UPDATE_ROLLBACK_FAILED: 'failed to roll back a failed update',
  DELETE_IN_PROGRESS: 'being deleted',
  DELETE_COMPLETE: 'deleted',
  DELETE_FAILED: 'failed to delete',
  REVIEW_IN_PROGRESS: 'waiting for its first change set to run',
  IMPORT_IN_PROGRESS: 'importing resources',
  IMPORT_COMPLETE: 'imported resources',
  IMPORT_ROLLBACK_IN_PROGRESS: 'rolling back an import',
  IMPORT_ROLLBACK_COMPLETE: 'rolled back an import',
  IMPORT_ROLLBACK_FAILED: 'failed to roll back an import',
};

/** "rolled back after a failed create" for ROLLBACK_COMPLETE; unknown statuses in lower case. */
export function describeStackStatus(status: string | undefined): string {
  if (!status) return 'does not exist';
  return WORDS[status] ?? status.toLowerCase().replace(/_/g, ' ');
}

/** The stack's own statuses that end an operation well. */
export const STACK_SUCCESS_STATUSES: ReadonlySet<string> = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'DELETE_COMPLETE', 'IMPORT_COMPLETE']);

/** The stack's own statuses that end an operation badly (rolled back or stuck failed). */
export const STACK_FAILURE_STATUSES: ReadonlySet<string> = new Set([
  'ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'CREATE_FAILED',
  'UPDATE_FAILED',
  'DELETE_FAILED',
  'ROLLBACK_FAILED',
  'UPDATE_ROLLBACK_FAILED',
  'IMPORT_ROLLBACK_COMPLETE',
  'IMPORT_ROLLBACK_FAILED',
]);

/** An operation on the stack has ended (well or badly). REVIEW_IN_PROGRESS is not an end: nothing ran. */
export function isStackOperationEnd(status: string | undefined): boolean {
  return !!status && (STACK_SUCCESS_STATUSES.has(status) || STACK_FAILURE_STATUSES.has(status));
}

/** Classifies a stack's status; `undefined` means DescribeStacks found no such stack. */
export function classifyStackStatus(status: string | undefined): StackStatusInfo {
  const words = describeStackStatus(status);
  if (!status || status === 'DELETE_COMPLETE') {
    return { status: status ?? 'NONE', kind: 'deleted', settled: true, changeSetType: 'CREATE', deleteBeforeCreate: false, words };
  }
  if (status === 'REVIEW_IN_PROGRESS') {
    // An unexecuted CREATE change set left the stack with no resources; a new CREATE change set
    // may be made on it as it is, so nothing needs deleting.
    return { status, kind: 'review', settled: true, changeSetType: 'CREATE', deleteBeforeCreate: false, words };
  }
  if (status.endsWith('_IN_PROGRESS')) {
    return {
      status,
      kind: 'in-progress',
      settled: false,
      deleteBeforeCreate: false,
      blockedBy: `The stack is ${words}; wait until it finishes, then try again.`,
      words,
    };
  }
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED' || status === 'CREATE_FAILED') {
    return {
      status,
      kind: status === 'ROLLBACK_COMPLETE' ? 'rolled-back' : 'failed',
      settled: true,
      deleteBeforeCreate: true,
      blockedBy: `The stack's first create failed and it was left ${status === 'ROLLBACK_COMPLETE' ? 'empty' : 'half-made'} (${status}); CloudFormation cannot update such a stack: delete it, then launch again.`,
      words,
    };
  }
  if (status === 'UPDATE_ROLLBACK_FAILED') {
    return {
      status,
      kind: 'failed',
      settled: true,
      deleteBeforeCreate: false,
      blockedBy:
        'An update of the stack failed and so did its rollback (UPDATE_ROLLBACK_FAILED): fix what the stack events name, then continue the rollback (CloudFormation console: Stack actions → Continue update rollback) before launching again.',
      words,
    };
  }
  if (status === 'DELETE_FAILED') {
    return {
      status,
      kind: 'failed',
      settled: true,
      deleteBeforeCreate: false,
      blockedBy: 'An earlier delete of the stack failed (DELETE_FAILED): delete the app again, removing what blocked it first, then launch.',
      words,
    };
  }
  if (status === 'UPDATE_ROLLBACK_COMPLETE' || status === 'IMPORT_ROLLBACK_COMPLETE') {
    return { status, kind: 'rolled-back', settled: true, changeSetType: 'UPDATE', deleteBeforeCreate: false, words };
  }
  if (status.endsWith('_FAILED')) {
    // UPDATE_FAILED, IMPORT_ROLLBACK_FAILED: the stack keeps its resources and accepts updates.
    return { status, kind: 'failed', settled: true, changeSetType: 'UPDATE', deleteBeforeCreate: false, words };
  }
  return { status, kind: 'complete', settled: true, changeSetType: 'UPDATE', deleteBeforeCreate: false, words };
}
