import * as assert from 'node:assert/strict';
import type { RolloutSnapshot } from '../../../src/core/rollout/rolloutTracker';
import { watchRollout, type WatchOptions } from '../../../src/flows/watchRollout';
import { at, crashed, dep, ev, NEW, OLD, runningTask, START, svc } from '../core/rollout/sequences';

/** Feeds recorded snapshots one per poll, with a clock that moves by each sleep. */
function scripted(snapshots: RolloutSnapshot[]) {
  let clock = START.getTime();
  let i = 0;
  const lines: string[] = [];
  const progress: string[] = [];
  const opts: Omit<WatchOptions, 'signal'> = {
    deploymentId: NEW,
    startedAt: START,
    timeoutMs: 10 * 60_000,
    log: { trace: () => {}, debug: () => {}, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) },
    progress: { report: ({ message }) => message && progress.push(message) },
    now: () => new Date(clock),
    sleep: async (ms) => {
      clock += ms;
    },
  };
  const poll = async () => {
    const s = snapshots[Math.min(i++, snapshots.length - 1)];
    return { ...s, at: new Date(clock) };
  };
  return { opts, poll, lines, progress, polls: () => i };
}

describe('watchRollout', () => {
  it('reports events and progress until COMPLETED', async () => {
    const started = ev(1, '(service web) has started 2 tasks.');
    const steady = ev(9, '(service web) has reached a steady state.');
    const s = scripted([
      { at: at(0), service: svc([dep(NEW, { pendingCount: 2 }), dep(OLD, { runningCount: 2 })], [started]), tasks: [] },
      { at: at(0), service: svc([dep(NEW, { runningCount: 2, rolloutState: 'COMPLETED' })], [steady, started]), tasks: [runningTask('a'), runningTask('b')] },
    ]);
    const out = await watchRollout(s.poll, { ...s.opts, signal: new AbortController().signal });
    assert.equal(out.phase, 'COMPLETED');
    assert.deepEqual(s.lines, [`info event: ${started.message}`, `info event: ${steady.message}`]);
    assert.deepEqual(s.progress, ['IN_PROGRESS · new 0/2 running, 2 pending · old 2 running', 'COMPLETED · new 2/2 running']);
  });

  it('FAILED carries the reason, the stopped task and the crashed container\'s last log lines', async () => {
    const s = scripted([
      {
        at: at(0),
        service: svc([dep(NEW, { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }), dep(OLD, { runningCount: 2 })]),
        tasks: [crashed('c1', 5)],
      },
    ]);
    const asked: string[] = [];
    const out = await watchRollout(s.poll, {
      ...s.opts,
      signal: new AbortController().signal,
      lastLogLines: async (task, container) => {
        asked.push(`${task.split('/').pop()} ${container}`);
        return ['Error: connect ECONNREFUSED 127.0.0.1:27017'];
      },
    });
    assert.equal(out.phase, 'FAILED');
    assert.equal(
      out.phase === 'FAILED' && out.reason,
      "ECS deployment circuit breaker: tasks failed to start. — Essential container 'backend' exited with code 1 — last log lines: Error: connect ECONNREFUSED 127.0.0.1:27017",
    );
    assert.deepEqual(asked, ['c1 backend']);
    assert.deepEqual(s.lines, ["warn task c1 stopped: Essential container 'backend' exited with code 1 [backend exit 1, mongodb exit 0]"]);
  });

  it('times out saying what it still waited for, polling politely meanwhile', async () => {
    const s = scripted([{ at: at(0), service: svc([dep(NEW, { runningCount: 1 }), dep(OLD, { runningCount: 1 })]), tasks: [] }]);
    const out = await watchRollout(s.poll, { ...s.opts, timeoutMs: 3 * 60_000, signal: new AbortController().signal });
    assert.equal(out.phase, 'TIMEOUT');
    assert.equal(out.phase === 'TIMEOUT' && out.reason, 'Timed out after 3m waiting for 1 of 2 new tasks running; 1 old task still draining');
    // 3 s polls for the first minute, then 6 s: 20 + 20 + 1.
    assert.equal(s.polls(), 41);
  });

  it('Cancel stops watching, never the deployment, and says so', async () => {
    const controller = new AbortController();
    const s = scripted([{ at: at(0), service: svc([dep(NEW, { pendingCount: 2 }), dep(OLD, { runningCount: 2 })]), tasks: [] }]);
    const out = await watchRollout(s.poll, {
      ...s.opts,
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    assert.equal(out.phase, 'STOPPED_WATCHING');
    assert.match(out.phase === 'STOPPED_WATCHING' ? out.reason : '', /^Stopped watching ecs-svc\/5555555555555555555; the deployment goes on in ECS \(IN_PROGRESS · new 0\/2/);
  });
});
