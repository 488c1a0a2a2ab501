import * as assert from 'node:assert/strict';
import { isValidFargateSize, smallestFargateSize } from '../../../../src/core/compose/fargateSize';
import { parseDurationSeconds, parseMemoryMiB } from '../../../../src/core/compose/duration';
import { fails, find, ok } from './renderHelper';

describe('compose: task size, roles and platform', () => {
  it('picks the smallest valid Fargate pair', () => {
    assert.deepEqual(smallestFargateSize(1, 1), { cpu: 256, memory: 512 });
    assert.deepEqual(smallestFargateSize(256, 3000), { cpu: 512, memory: 3072 });
    assert.deepEqual(smallestFargateSize(1025, 1024), { cpu: 2048, memory: 4096 });
    assert.deepEqual(smallestFargateSize(4096, 40000), { cpu: 8192, memory: 40960 });
    assert.equal(smallestFargateSize(16385, 1), undefined);
    assert.ok(isValidFargateSize(16384, 122880) && !isValidFargateSize(256, 4096));
  });
  it('parses durations and sizes', () => {
    assert.equal(parseDurationSeconds('1m30s'), 90);
    assert.equal(parseDurationSeconds('1h'), 3600);
    assert.equal(parseDurationSeconds('500ms'), 0.5);
    assert.equal(parseDurationSeconds('1m30'), undefined);
    assert.equal(parseMemoryMiB('1.5g'), 1536);
    assert.equal(parseMemoryMiB('512M'), 512);
    assert.equal(parseMemoryMiB('1gb'), 1024);
    assert.equal(parseMemoryMiB(1048576), 1);
    assert.equal(parseMemoryMiB('lots'), undefined);
  });
  it('sums deploy.resources (limits, else reservations, else a default) into the task size', () => {
    const yaml = `services:
  api:
    image: a
    deploy: {resources: {limits: {cpus: "1", memory: 1536M}}}
  worker:
    image: w
    deploy: {resources: {reservations: {cpus: "0.25", memory: 600M}}}
  db:
    image: d
`;
    const { td } = ok(yaml);
    // 1024 + 256 + 256 default = 1536 cpu → 2048; 1536 + 600 + 512 = 2648 MiB → 4096 (smallest for 2048 cpu)
    assert.deepEqual([td.cpu, td.memory], ['2048', '4096']);
  });
  it('no valid Fargate size is an error; EC2 takes the sums', () => {
    const yaml = 'services:\n  a:\n    image: x\n    deploy: {resources: {limits: {cpus: "20", memory: 8g}}}\n';
    fails(yaml, /more than Fargate's largest task/);
    const { td } = ok(yaml, { options: { launchType: 'EC2' } });
    assert.deepEqual([td.cpu, td.memory], ['20480', '8192']);
  });
  it('x-ecs cpu and memory set the size, checked against Fargate\'s table', () => {
    assert.deepEqual(((t) => [t.cpu, t.memory])(ok('x-ecs: {cpu: 1 vCPU, memory: 4 GB}\nservices: {a: {image: x}}').td), ['1024', '4096']);
    fails('x-ecs: {cpu: 256, memory: 8192}\nservices: {a: {image: x}}', /not a valid Fargate size/);
  });
  it('runtime platform, launch type and roles follow the options', () => {
    const { td, diags } = ok('services: {a: {image: x}}', {
      options: { cpuArchitecture: 'ARM64', taskRoleArn: 'arn:aws:iam::123456789012:role/app', accountId: '123456789012' },
    });
    assert.deepEqual(td.runtimePlatform, { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' });
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    assert.equal(td.networkMode, 'awsvpc');
    assert.equal(td.executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.equal(td.taskRoleArn, 'arn:aws:iam::123456789012:role/app');
    find(diags, 'info', /executionRoleArn defaults/);
    find(ok('services: {a: {image: x}}').diags, 'warning', /no execution role/);
    assert.equal(ok('services: {a: {image: x}}', { options: { executionRoleArn: 'arn:aws:iam::1:role/r' } }).td.executionRoleArn, 'arn:aws:iam::1:role/r');
  });
  it('warns when a service platform differs from the task architecture', () => {
    find(ok('services:\n  a:\n    image: x\n    platform: linux/arm64\n').diags, 'warning', /platform linux\/arm64 differs/);
  });
});

describe('compose: the x-ecs extension', () => {
  it('per service: image, entrypoint, essential; per task: roles (options still win)', () => {
    const yaml = `x-ecs:
  executionRoleArn: arn:aws:iam::123456789012:role/exec-from-x
  taskRoleArn: arn:aws:iam::123456789012:role/task-from-x
services:
  api:
    build: .
    entrypoint: ./dev-entry.sh
    x-ecs:
      image: reg.example.com/api:9
      entrypoint: [/prod-entry.sh]
      essential: false
  db:
    image: pg
`;
    const { td, container } = ok(yaml, { options: { images: { api: 'ignored/by:x-ecs' } } });
    assert.equal(container('api').image, 'reg.example.com/api:9');
    assert.deepEqual(container('api').entryPoint, ['/prod-entry.sh']);
    assert.equal(container('api').essential, false);
    assert.equal(td.executionRoleArn, 'arn:aws:iam::123456789012:role/exec-from-x');
    assert.equal(td.taskRoleArn, 'arn:aws:iam::123456789012:role/task-from-x');
    assert.equal(ok(yaml, { options: { taskRoleArn: 'arn:aws:iam::1:role/opt' } }).td.taskRoleArn, 'arn:aws:iam::1:role/opt');
  });
  it('an x-ecs block that is not a mapping is an error', () => {
    fails('services:\n  a:\n    image: x\n    x-ecs: [oops]\n', /x-ecs of a service must be a mapping/);
  });
});
