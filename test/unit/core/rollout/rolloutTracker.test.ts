import * as assert from 'node:assert/strict';
import { nextPollDelayMs } from '../../../../src/core/rollout/pollDelay';
import { RolloutTracker } from '../../../../src/core/rollout/rolloutTracker';
import { at, crashed, dep, ev, NEW, OLD, runningTask, START, svc } from './sequences';

describe('RolloutTracker', () => {
  it('success: new tasks start, old ones drain, COMPLETED only once all is done and healthy', () => {
    const tr = new RolloutTracker(NEW, START);
    const started = ev(5, '(service web) has started 2 tasks: (task aaaa) (task bbbb).');
    let u = tr.observe({ at: at(5), service: svc([dep(NEW, { pendingCount: 2 }), dep(OLD, { runningCount: 2 })], [started]), tasks: [] });
    assert.equal(u.phase, 'IN_PROGRESS');
    assert.equal(u.summary, 'IN_PROGRESS · new 0/2 running, 2 pending · old 2 running');
    assert.deepEqual(u.newEvents.map((e) => e.message), [started.message]);

    const tasksUp = [runningTask('aaaa', { healthStatus: 'UNKNOWN' }), runningTask('bbbb', { healthStatus: 'HEALTHY' })];
    u = tr.observe({ at: at(40), service: svc([dep(NEW, { runningCount: 2 }), dep(OLD, { runningCount: 2 })], [started]), tasks: tasksUp });
    assert.equal(u.phase, 'IN_PROGRESS');
    assert.deepEqual(u.newEvents, [], 'an event is reported once');
    assert.equal(u.waitingFor, '1 new task not yet healthy; 2 old tasks still draining');

    // ECS marks the rollout COMPLETED, but one new task has not passed its health check yet.
    const drained = ev(90, '(service web) has stopped 2 running tasks: (task oooo) (task pppp).');
    u = tr.observe({ at: at(90), service: svc([dep(NEW, { runningCount: 2, rolloutState: 'COMPLETED' })], [drained, started]), tasks: tasksUp });
    assert.equal(u.phase, 'IN_PROGRESS');
    assert.deepEqual(u.newEvents.map((e) => e.message), [drained.message]);

    const healthy = [runningTask('aaaa'), runningTask('bbbb')];
    const steady = ev(120, '(service web) has reached a steady state.');
    u = tr.observe({ at: at(120), service: svc([dep(NEW, { runningCount: 2, rolloutState: 'COMPLETED' })], [steady, drained, started]), tasks: healthy });
    assert.equal(u.phase, 'COMPLETED');
    assert.equal(u.summary, 'COMPLETED · new 2/2 running');
    assert.deepEqual(u.newEvents.map((e) => e.message), [steady.message]);
  });

  it('ignores events from before the deployment started', () => {
    const tr = new RolloutTracker(NEW, START);
    const old = ev(-3600, '(service web) has reached a steady state.');
    const u = tr.observe({ at: at(3), service: svc([dep(NEW, {})], [ev(2, 'new one'), old]), tasks: [] });
    assert.deepEqual(u.newEvents.map((e) => e.message), ['new one']);
  });

  it('circuit breaker: FAILED with its verdict and the crash that caused it', () => {
    const tr = new RolloutTracker(NEW, START);
    tr.observe({ at: at(30), service: svc([dep(NEW, { pendingCount: 2 }), dep(OLD, { runningCount: 2 })]), tasks: [crashed('c1', 25)] });
    const u = tr.observe({
      at: at(60),
      service: svc(
        [dep(NEW, { rolloutState: 'FAILED', failedTasks: 2, rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }), dep(OLD, { runningCount: 2 })],
        [ev(59, '(service web) rolling back to deployment ecs-svc/4444444444444444444.')],
      ),
      tasks: [crashed('c1', 25), crashed('c2', 55)],
    });
    assert.equal(u.phase, 'FAILED');
    assert.equal(u.reason, "ECS deployment circuit breaker: tasks failed to start. — Essential container 'backend' exited with code 1");
    assert.deepEqual(u.crashed, { taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/c2', container: 'backend' });
    assert.deepEqual(u.newlyStopped.map((t) => [t.shortId, t.fromNewDeployment, t.failed]), [['c2', true, true]]);
    assert.deepEqual(u.newlyStopped[0].containers, [{ name: 'backend', exitCode: 1, reason: undefined }, { name: 'mongodb', exitCode: 0, reason: undefined }]);
  });

  it('a rollback that already removed the failed deployment says so', () => {
    const tr = new RolloutTracker(NEW, START);
    const u = tr.observe({
      at: at(90),
      service: svc([dep(OLD, { status: 'PRIMARY', runningCount: 2 })], [ev(80, '(service web) (deployment ecs-svc/5555) deployment failed: tasks failed to start. Rolling back.')]),
      tasks: [],
    });
    assert.equal(u.phase, 'FAILED');
    assert.match(u.reason ?? '', /^The deployment circuit breaker rolled back to web:7/);
  });

  it('a task that keeps crashing without a circuit breaker: FAILED after three, with the exit code', () => {
    const tr = new RolloutTracker(NEW, START);
    const base = svc([dep(NEW, { pendingCount: 1, failedTasks: 1 }), dep(OLD, { runningCount: 2 })]);
    assert.equal(tr.observe({ at: at(30), service: base, tasks: [crashed('k1', 20)] }).phase, 'IN_PROGRESS');
    assert.equal(tr.observe({ at: at(60), service: base, tasks: [crashed('k1', 20), crashed('k2', 50)] }).phase, 'IN_PROGRESS');
    const u = tr.observe({ at: at(90), service: base, tasks: [crashed('k1', 20), crashed('k2', 50), crashed('k3', 80)] });
    assert.equal(u.phase, 'FAILED');
    assert.equal(u.reason, "Essential container 'backend' exited with code 1 (3 new tasks failed; ECS keeps retrying unless the deployment circuit breaker is on)");
  });

  it('an image that cannot be pulled: the ECR permissions to check', () => {
    const tr = new RolloutTracker(NEW, START, { crashLimit: 1 });
    const pull = crashed('p1', 20, {
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v9: not found',
      containers: [{ name: 'backend', lastStatus: 'STOPPED' }],
    });
    const u = tr.observe({ at: at(30), service: svc([dep(NEW, {}), dep(OLD, { runningCount: 2 })]), tasks: [pull] });
    assert.equal(u.phase, 'FAILED');
    assert.match(u.reason ?? '', /^CannotPullContainerError: .* not found — the image cannot be pulled — check its name and tag, and that the task execution role may pull from ECR \(ecr:GetAuthorizationToken/);
  });

  it('health checks failing behind a load balancer count as failures, not as scaling', () => {
    const tr = new RolloutTracker(NEW, START, { crashLimit: 2 });
    const elb = (id: string, s: number) =>
      crashed(id, s, {
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc)',
        containers: [{ name: 'backend', lastStatus: 'STOPPED', exitCode: 137 }],
      });
    const scaledIn = crashed('old1', 10, { startedBy: OLD, stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/5555)', containers: [] });
    const service = svc([dep(NEW, { runningCount: 1 }), dep(OLD, { runningCount: 1 })]);
    let u = tr.observe({ at: at(40), service, tasks: [scaledIn, elb('h1', 35)] });
    assert.deepEqual(u.newlyStopped.map((t) => [t.shortId, t.fromNewDeployment, t.failed]), [['old1', false, false], ['h1', true, true]]);
    u = tr.observe({ at: at(80), service, tasks: [scaledIn, elb('h1', 35), elb('h2', 75)] });
    assert.equal(u.phase, 'FAILED');
    assert.match(u.reason ?? '', /^health checks failed: Task failed ELB health checks in \(target-group/);
  });

  it('a deployment that cannot place tasks is STUCK after a while, naming the last event', () => {
    const tr = new RolloutTracker(NEW, START, { stuckAfterMs: 5 * 60 * 1000 });
    const place = ev(10, '(service web) was unable to place a task because no container instance met all of its requirements.', 'same-id');
    const s = svc([dep(NEW, { pendingCount: 0 }), dep(OLD, { runningCount: 2 })], [place]);
    assert.equal(tr.observe({ at: at(10), service: s, tasks: [] }).phase, 'IN_PROGRESS');
    assert.equal(tr.observe({ at: at(200), service: s, tasks: [] }).phase, 'IN_PROGRESS');
    const u = tr.observe({ at: at(400), service: s, tasks: [] });
    assert.equal(u.phase, 'STUCK');
    assert.match(u.reason ?? '', /^No progress for 7 min — last event: \(service web\) was unable to place a task/);
    assert.equal(u.waitingFor, '0 of 2 new tasks running; 2 old tasks still draining');
  });

  it('is not COMPLETED while the deployment still shows another revision than the one deployed', () => {
    const expected = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8';
    const tr = new RolloutTracker(NEW, START, { taskDefinitionArn: expected });
    const stale = dep(NEW, { runningCount: 2, rolloutState: 'COMPLETED', taskDefinition: expected.replace(':8', ':7') });
    const u = tr.observe({ at: at(10), service: svc([stale]), tasks: [] });
    assert.equal(u.phase, 'IN_PROGRESS');
    assert.equal(u.waitingFor, 'ECS to start deploying web:8 (the deployment still shows web:7)');
    assert.equal(u.summary, 'Waiting for ECS to start deploying web:8 (the deployment shows web:7)');
    assert.equal(tr.observe({ at: at(20), service: svc([{ ...stale, taskDefinition: expected }]), tasks: [] }).phase, 'COMPLETED');
  });

  it('another deployment replacing ours ends the watch with that fact', () => {
    const tr = new RolloutTracker(NEW, START);
    const u = tr.observe({ at: at(30), service: svc([dep('ecs-svc/999', { status: 'PRIMARY' })]), tasks: [] });
    assert.equal(u.phase, 'FAILED');
    assert.equal(u.reason, 'The deployment was replaced by ecs-svc/999 before it completed');
  });
});

describe('nextPollDelayMs', () => {
  it('polls quickly at first and slower later, at most 20 polls a minute', () => {
    assert.equal(nextPollDelayMs(0), 3000);
    assert.equal(nextPollDelayMs(2 * 60_000), 6000);
    assert.equal(nextPollDelayMs(20 * 60_000), 15000);
    for (const t of [0, 59_000, 61_000, 10 * 60_000]) assert.ok(60_000 / nextPollDelayMs(t) <= 20);
  });
});
