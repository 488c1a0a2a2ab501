import * as assert from 'node:assert/strict';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { classifyStackStatus } from '../../../../src/core/stack/stackStatus';
import { formatStackEvent, isCancellationEcho, StackEventFollower, type StackFollowUpdate } from '../../../../src/core/stack/stackEvents';
import {
  at,
  CIRCUIT_BREAKER_REASON,
  CREATE_TOKEN,
  createFailsFast,
  createRollsBack,
  createSucceeds,
  DELETE_ROLLED_BACK_TOKEN,
  DELETE_TOKEN,
  deleteFails,
  deleteRolledBack,
  deleteSucceeds,
  describedStack,
  FAILED_DELETE_TOKEN,
  describeStackEventsAt,
  FAILED_CREATE_TOKEN,
  NO_IGW_REASON,
  NO_IGW_TOKEN,
  RESOURCES,
  UPDATE_TOKEN,
  updateRollsBack,
} from './fixtures/stackEvents';

/** One poll as a flow makes it: pages while the follower wants older ones and a NextToken exists. */
function poll(f: StackEventFollower, history: readonly StackEvent[], seconds: number, pageSize = 100): { update: StackFollowUpdate; calls: number } {
  let calls = 0;
  for (const page of describeStackEventsAt(history, at(seconds), pageSize)) {
    calls++;
    if (!f.addPage(page.StackEvents) || !page.NextToken) break;
  }
  return { update: f.takeUpdate(), calls };
}

/** Polls at each of the given times and gathers what was reported. */
function follow(f: StackEventFollower, history: readonly StackEvent[], times: number[], pageSize = 100) {
  const events: StackEvent[] = [];
  const lines: string[] = [];
  const updates: StackFollowUpdate[] = [];
  let calls = 0;
  for (const t of times) {
    const r = poll(f, history, t, pageSize);
    events.push(...r.update.newEvents);
    lines.push(...r.update.lines);
    updates.push(r.update);
    calls += r.calls;
  }
  return { events, lines, updates, last: updates.at(-1)!, calls };
}

/** Poll times from `from` every `step` seconds, ending exactly at `to`. */
const range = (from: number, to: number, step: number) => [...Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step), to];
const ids = (events: readonly StackEvent[]) => events.map((e) => e.EventId);
const isInitiatedEcho = (e: StackEvent) => /^Resource (creation|update|deletion) Initiated$/.test(e.ResourceStatusReason ?? '');
const completeBy = (history: readonly StackEvent[], s: number, status: string) =>
  new Set(history.filter((e) => e.ResourceStatus === status && e.Timestamp!.getTime() <= at(s).getTime() && e.LogicalResourceId! in RESOURCES).map((e) => e.LogicalResourceId)).size;

describe('StackEventFollower', () => {
  it('a create that succeeds: every event once, oldest first, progress in words, success at CREATE_COMPLETE', () => {
    const f = new StackEventFollower({ clientRequestToken: CREATE_TOKEN, totalResources: 17, timeZone: 'utc' });
    const times = range(1, 330, 7);
    const r = follow(f, createSucceeds, times);
    assert.deepEqual(ids(r.events), ids(createSucceeds), 'all events, each once, in the order they happened');
    assert.equal(r.lines.length, createSucceeds.filter((e) => !isInitiatedEcho(e)).length, 'the "Initiated" echo adds no line');
    assert.equal(r.lines[0], '12:00:00 CREATE_IN_PROGRESS  ecs-deploy-goals-goals (stack) — User Initiated');
    assert.ok(r.lines.includes('12:00:10 CREATE_IN_PROGRESS  LoadBalancer (Application Load Balancer)'));
    assert.ok(r.lines.includes('12:00:05 CREATE_IN_PROGRESS  ExecutionRole (IAM role) — Eventual consistency check initiated'));
    const end = createSucceeds.at(-1)!.Timestamp!.getTime();
    assert.deepEqual(
      r.updates.map((u) => u.finished),
      times.map((t) => at(t).getTime() >= end),
      'finished exactly from the poll that sees the stack CREATE_COMPLETE',
    );
    assert.equal(r.last.finished, true);
    assert.equal(r.last.outcome, 'succeeded');
    assert.equal(r.last.stackStatus, 'CREATE_COMPLETE');
    assert.equal(r.last.firstFailure, undefined);
    assert.equal(r.last.progress.text, 'Stack created');
    assert.equal(f.resourceStates().size, 17);
    assert.ok([...f.resourceStates().values()].every((s) => s.status === 'CREATE_COMPLETE' && s.physicalId === RESOURCES[s.logicalId].physical));
  });

  it('says how far the create is and what it waits for: the longest-running resource', () => {
    const f = new StackEventFollower({ clientRequestToken: CREATE_TOKEN, totalResources: 17 });
    follow(f, createSucceeds, [1, 30]);
    const u = poll(f, createSucceeds, 100).update;
    const done = completeBy(createSucceeds, 100, 'CREATE_COMPLETE');
    assert.equal(u.progress.done, done);
    assert.equal(u.progress.text, `Creating ${done + 1} of 17: Application Load Balancer`);
    assert.equal(u.progress.text, 'Creating 13 of 17: Application Load Balancer');
    assert.deepEqual(u.inProgress.map((s) => s.logicalId), ['LoadBalancer', 'DataMountTarget1', 'DataMountTarget2']);

    // While CloudFormation waits for the service, the flow needs its ARN to show the rollout.
    const waiting = poll(f, createSucceeds, 250).update;
    assert.equal(waiting.progress.text, 'Creating 17 of 17: ECS service');
    assert.deepEqual(waiting.inProgress.map((s) => [s.logicalId, s.physicalId]), [['Service', RESOURCES.Service.physical]]);
  });

  it('reads older pages only until it reaches what it has seen', () => {
    const f = new StackEventFollower({ clientRequestToken: CREATE_TOKEN });
    const first = poll(f, createSucceeds, 200, 10);
    const visible = createSucceeds.filter((e) => e.Timestamp!.getTime() <= at(200).getTime()).length;
    assert.equal(first.calls, Math.ceil(visible / 10), 'a late first poll reads back to the operation start');
    assert.equal(first.update.newEvents.length, visible);
    const next = poll(f, createSucceeds, 205, 10);
    assert.equal(next.calls, 1, 'later polls stop at the first known event');
    assert.deepEqual(ids(next.update.newEvents), ids(createSucceeds.filter((e) => e.Timestamp! > at(200) && e.Timestamp! <= at(205))));
  });

  it('a poll cut short before the operation start loses nothing: the next poll reads again', () => {
    const f = new StackEventFollower({ clientRequestToken: CREATE_TOKEN });
    const [page1] = describeStackEventsAt(createSucceeds, at(200), 10);
    assert.equal(f.addPage(page1.StackEvents), true, 'wants the older pages');
    assert.equal(f.takeUpdate().started, false, 'the page with the start never came (say, throttled)');
    const r = poll(f, createSucceeds, 201, 10);
    assert.deepEqual(ids(r.update.newEvents), ids(createSucceeds.filter((e) => e.Timestamp! <= at(201))));
  });

  it('a create whose service never stabilises: first failure, rollback progress, ROLLBACK_COMPLETE, data kept', () => {
    const f = new StackEventFollower({ clientRequestToken: FAILED_CREATE_TOKEN, totalResources: 17 });
    follow(f, createRollsBack, range(1, 799, 25));
    const failed = poll(f, createRollsBack, 802).update;
    assert.equal(failed.finished, false, 'a rollback is still running');
    assert.equal(failed.stackStatus, 'ROLLBACK_IN_PROGRESS');
    assert.equal(failed.firstFailure?.logicalId, 'Service');
    assert.equal(failed.firstFailure?.status, 'CREATE_FAILED');
    assert.equal(failed.firstFailure?.reason, CIRCUIT_BREAKER_REASON);
    assert.ok(failed.lines.some((l) => l.includes('CREATE_FAILED       Service (ECS service) — Resource handler returned message')));

    const mid = poll(f, createRollsBack, 880).update;
    const deletedBy880 = completeBy(createRollsBack, 880, 'DELETE_COMPLETE');
    assert.equal(mid.progress.phase, 'rollback');
    assert.equal(mid.progress.done, deletedBy880);
    assert.equal(mid.progress.total, 17, 'a rollback undoes every resource the create touched');
    assert.match(mid.progress.text, new RegExp(`^Rolling back ${deletedBy880 + 1} of 17: `));

    const end = follow(f, createRollsBack, range(885, 910, 5)).last;
    assert.equal(end.finished, true);
    assert.equal(end.outcome, 'failed');
    assert.equal(end.stackStatus, 'ROLLBACK_COMPLETE');
    assert.equal(end.firstFailure?.logicalId, 'Service', 'later failures do not replace the first');
    assert.deepEqual(end.retained.map((r) => [r.logicalId, r.physicalId]), [['DataFileSystem', 'fs-0123456789abcdef0']]);
  });

  it('names the resource that failed, not the ones CloudFormation cancelled because of it', () => {
    const f = new StackEventFollower({ clientRequestToken: NO_IGW_TOKEN });
    const u = follow(f, createFailsFast, [5, 12, 14, 30]).last;
    assert.equal(u.outcome, 'failed');
    assert.equal(u.firstFailure?.logicalId, 'LoadBalancer');
    assert.equal(u.firstFailure?.reason, NO_IGW_REASON);
    const cancelled = [...f.resourceStates().values()].filter((s) => isCancellationEcho(s.reason));
    assert.equal(cancelled.length, 0, 'the cancelled ones have since been deleted');
    assert.ok(createFailsFast.filter((e) => isCancellationEcho(e.ResourceStatusReason)).length === 2);
  });

  it('a cancellation echo in the same second as the failure, listed first, is still not the failure', () => {
    // Several events can share a timestamp; what matters is the reason, not only the order.
    const reordered = [...createFailsFast];
    const lb = reordered.findIndex((e) => e.ResourceStatus === 'CREATE_FAILED' && e.LogicalResourceId === 'LoadBalancer');
    const echo = reordered.findIndex((e) => isCancellationEcho(e.ResourceStatusReason));
    const [echoEvent] = reordered.splice(echo, 1);
    reordered.splice(lb, 0, { ...echoEvent, Timestamp: reordered[lb].Timestamp });
    const u = new StackEventFollower({ clientRequestToken: NO_IGW_TOKEN }).observe(describeStackEventsAt(reordered, at(60)).map((p) => p.StackEvents));
    assert.equal(u.firstFailure?.logicalId, 'LoadBalancer');
  });

  it('an update that rolls back: the create before it is history; UPDATE_ROLLBACK_COMPLETE is a failure', () => {
    const history = [...createSucceeds, ...updateRollsBack];
    const f = new StackEventFollower({ clientRequestToken: UPDATE_TOKEN, totalResources: 3, timeZone: 'utc' });
    const r = follow(f, history, range(3599, 4410, 20), 10);
    assert.deepEqual(ids(r.events), ids(updateRollsBack), 'exactly the update\'s events');
    assert.equal(r.updates[0].started, false, 'nothing to say before the update shows up');
    assert.ok(r.lines.includes('13:00:03 UPDATE_IN_PROGRESS  TaskDefinition (Task definition) — Requested update requires the creation of a new physical resource; hence creating one.'));
    assert.equal(r.last.stackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    assert.equal(r.last.outcome, 'failed');
    assert.equal(r.last.firstFailure?.logicalId, 'Service');
    assert.equal(r.last.firstFailure?.status, 'UPDATE_FAILED');
    assert.equal(f.resourceStates().get('TaskDefinition')?.status, 'DELETE_COMPLETE');
    assert.equal(f.resourceStates().get('TaskDefinition')?.physicalId, 'arn:aws:ecs:us-east-1:123456789012:task-definition/goals:2', 'the cleanup removed the new revision');

    const rolling = r.updates.find((u) => u.stackStatus === 'UPDATE_ROLLBACK_IN_PROGRESS' && u.inProgress.length > 0)!;
    assert.equal(rolling.progress.phase, 'rollback');
    assert.match(rolling.progress.text, /^Rolling back \d of 3: ECS service$/);
  });

  it('without a token, the operation is the first the stack starts from the given time on', () => {
    const history = [...createSucceeds, ...updateRollsBack];
    const f = new StackEventFollower({ startedAt: at(3599) });
    const before = poll(f, history, 3599.5);
    assert.equal(before.update.started, false);
    assert.deepEqual(before.update.newEvents, [], 'the earlier create is never reported');
    const r = follow(f, history, range(3601, 4410, 30));
    assert.deepEqual(ids(r.events), ids(updateRollsBack));
    assert.equal(r.last.outcome, 'failed');
  });

  it('with a token, events that carry none (an emulator) are matched by time', () => {
    const strip = (events: typeof updateRollsBack) => events.map(({ ClientRequestToken: _t, ...e }) => e);
    const history = [...strip(createSucceeds), ...strip(updateRollsBack)];
    const f = new StackEventFollower({ clientRequestToken: 'a-token-nobody-sent', startedAt: at(3599) });
    const r = follow(f, history, range(3601, 4410, 30));
    assert.deepEqual(ids(r.events), ids(updateRollsBack), 'the earlier create is not ours, the update is');
    assert.equal(r.last.outcome, 'failed');
  });

  it('with neither token nor time, follows the latest operation', () => {
    const history = [...createSucceeds, ...deleteSucceeds];
    const u = new StackEventFollower().observe(describeStackEventsAt(history, at(7400), 10).map((p) => p.StackEvents));
    assert.deepEqual(ids(u.newEvents), ids(deleteSucceeds));
  });

  it('a delete: drains the service first, keeps the data file system, DELETE_COMPLETE is success', () => {
    const history = [...createSucceeds, ...deleteSucceeds];
    const f = new StackEventFollower({ clientRequestToken: DELETE_TOKEN, totalResources: 17 });
    const early = follow(f, history, [7201, 7210]);
    assert.equal(early.last.progress.text, 'Deleting 1 of 17: ECS service');
    const r = follow(f, history, range(7230, 7370, 15));
    assert.equal(r.last.outcome, 'succeeded');
    assert.equal(r.last.stackStatus, 'DELETE_COMPLETE');
    assert.deepEqual(r.last.retained.map((s) => s.physicalId), ['fs-0123456789abcdef0']);
    assert.equal(r.last.progress.text, 'Stack deleted');
    assert.deepEqual(ids([...early.events, ...r.events]), ids(deleteSucceeds));
  });

  it('a stack left in ROLLBACK_COMPLETE: deleted first (its resources are gone already), then created afresh', () => {
    assert.equal(classifyStackStatus(describedStack('ROLLBACK_COMPLETE').StackStatus).deleteBeforeCreate, true);
    const history = [...createRollsBack, ...deleteRolledBack];
    const f = new StackEventFollower({ clientRequestToken: DELETE_ROLLED_BACK_TOKEN });
    const r = follow(f, history, [1001, 1005]);
    assert.deepEqual(ids(r.events), ids(deleteRolledBack), 'none of the failed create\'s events');
    assert.equal(r.last.outcome, 'succeeded');
    assert.deepEqual(r.last.retained, [], 'the data file system was kept by the rollback, not by this delete');
    assert.equal(f.resourceStates().size, 0);
    // The new stack has a new StackId; following its create is the ordinary create.
    const again = follow(new StackEventFollower({ clientRequestToken: CREATE_TOKEN }), createSucceeds, [100, 330]).last;
    assert.equal(again.outcome, 'succeeded');
  });

  it('a delete that fails: the resource still in use, DELETE_FAILED is a failure', () => {
    const f = new StackEventFollower({ clientRequestToken: FAILED_DELETE_TOKEN });
    const u = follow(f, [...createSucceeds, ...deleteFails], range(7201, 7360, 20)).last;
    assert.equal(u.stackStatus, 'DELETE_FAILED');
    assert.equal(u.outcome, 'failed');
    assert.equal(u.firstFailure?.logicalId, 'ServiceSecurityGroup');
    assert.equal(u.firstFailure?.status, 'DELETE_FAILED');
  });

  it('formats one line per event, with the reason when there is one', () => {
    const e = createRollsBack.find((x) => x.ResourceStatus === 'DELETE_SKIPPED')!;
    assert.equal(formatStackEvent(e, 'utc'), '12:15:02 DELETE_SKIPPED      DataFileSystem (EFS file system)');
    const reason = createRollsBack.find((x) => x.ResourceStatus === 'ROLLBACK_IN_PROGRESS')!;
    assert.equal(
      formatStackEvent(reason, 'utc'),
      '12:13:21 ROLLBACK_IN_PROGRESS ecs-deploy-goals-goals (stack) — The following resource(s) failed to create: [Service]. Rollback requested by user.',
    );
  });
});
