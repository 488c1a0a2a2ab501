import * as assert from 'node:assert/strict';
import { containerView, shortImage } from '../../../../src/core/explorer/containerView';
import { privateIpOf, taskFailed, taskView } from '../../../../src/core/explorer/taskView';
import { crashedTask, task } from './shapes';

const NOW = new Date('2026-11-24T10:05:00Z');

describe('task rows', () => {
  it('a running task: short id, status, health, revision, age and private IP', () => {
    const v = taskView(task({}), NOW);
    assert.equal(v.label, '3f2a1c');
    assert.equal(v.description, 'RUNNING · HEALTHY · rev 7 · 3 min ago · 10.0.1.23');
    assert.equal(v.contextValue, 'ecs.task.RUNNING');
    assert.equal(v.icon.id, 'pass-filled');
    assert.match(v.tooltip, /Private IP: 10\.0\.1\.23/);
  });

  it('shows the desired status when it differs, and a pending task spins', () => {
    assert.match(taskView(task({ desiredStatus: 'STOPPED' }), NOW).description, /^RUNNING → STOPPED/);
    const pending = taskView(task({ lastStatus: 'PROVISIONING', healthStatus: 'UNKNOWN', startedAt: undefined }), NOW);
    assert.equal(pending.icon.id, 'loading~spin');
    assert.equal(pending.contextValue, 'ecs.task.PROVISIONING');
    assert.equal(pending.description, 'PROVISIONING → RUNNING · rev 7 · 4 min ago · 10.0.1.23');
  });

  it('a crashed task: failed icon and the stopped reason instead of age and IP', () => {
    const v = taskView(crashedTask, NOW);
    assert.equal(v.description, 'STOPPED · rev 7 · Essential container in task exited');
    assert.equal(v.icon.color, 'testing.iconFailed');
    assert.ok(taskFailed(crashedTask));
    assert.ok(!taskFailed(task({ lastStatus: 'STOPPED', stopCode: 'UserInitiated', containers: [{ name: 'a', exitCode: 0 }] })));
  });

  it('finds the IP on a container interface when there is no ENI attachment (bridge/host)', () => {
    assert.equal(privateIpOf(task({ attachments: [], containers: [{ name: 'a', networkInterfaces: [{ privateIpv4Address: '172.17.0.2' }] }] })), '172.17.0.2');
    assert.equal(privateIpOf(task({ attachments: [], containers: [] })), undefined);
  });
});

describe('container rows', () => {
  it('image shortened to repository and a 12-hex digest, health shown', () => {
    const v = containerView(task({}).containers![0]);
    assert.equal(v.label, 'backend');
    assert.equal(v.description, 'sample-app-backend@sha256:4e1f2a3b4c5d · RUNNING · HEALTHY');
    assert.equal(v.contextValue, 'ecs.container.RUNNING');
  });

  it('a stopped container shows its exit code and reason', () => {
    const v = containerView({ name: 'backend', image: 'web:latest', lastStatus: 'STOPPED', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
    assert.equal(v.description, 'web:latest · STOPPED · exit 137 · OutOfMemoryError: Container killed due to memory usage');
    assert.equal(v.icon.color, 'testing.iconFailed');
    assert.equal(containerView({ name: 'init', image: 'busybox', lastStatus: 'STOPPED', exitCode: 0 }).icon.id, 'debug-stop');
  });

  it('shortImage keeps Docker Hub names and drops registry hosts', () => {
    assert.equal(shortImage('mongo:7'), 'mongo:7');
    assert.equal(shortImage('library/nginx:1.27'), 'library/nginx:1.27');
    assert.equal(shortImage('public.ecr.aws/docker/library/redis:7'), 'docker/library/redis:7');
    assert.equal(shortImage('127.0.0.1:5001/app:v1'), 'app:v1');
    assert.equal(shortImage(undefined), '');
  });
});
