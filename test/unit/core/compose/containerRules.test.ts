import * as assert from 'node:assert/strict';
import { fails, find, ok, render } from './renderHelper';

describe('compose: ports', () => {
  it('short and long syntax → containerPort with hostPort equal; published ports warned', () => {
    const { container, diags } = ok(`services:
  a:
    image: x
    ports:
      - 3000
      - "8080:80"
      - "127.0.0.1:9000:9000/udp"
      - "7000-7002:7000-7002"
      - target: 443
        published: 8443
        protocol: tcp
        name: https
`);
    assert.deepEqual(container('a').portMappings, [
      { containerPort: 3000, hostPort: 3000, protocol: 'tcp' },
      { containerPort: 80, hostPort: 80, protocol: 'tcp' },
      { containerPort: 9000, hostPort: 9000, protocol: 'udp' },
      { containerPort: 7000, hostPort: 7000, protocol: 'tcp' },
      { containerPort: 7001, hostPort: 7001, protocol: 'tcp' },
      { containerPort: 7002, hostPort: 7002, protocol: 'tcp' },
      { containerPort: 443, hostPort: 443, protocol: 'tcp', name: 'https' },
    ]);
    assert.equal(find(diags, 'warning', /published port 8080 is ignored.*container port 80/).line, 6);
    find(diags, 'warning', /published port 8443/);
  });
  it('two services on the same port is an error at the second', () => {
    const e = fails('services:\n  a:\n    image: x\n    ports: ["80"]\n  b:\n    image: y\n    ports: ["8080:80"]\n', /"b" and "a" both listen on port 80\/tcp/);
    assert.equal(e.line, 7);
  });
  it('bad ports are errors', () => {
    fails('services:\n  a:\n    image: x\n    ports: ["70000"]\n', /out of range/);
    fails('services:\n  a:\n    image: x\n    ports: ["80/sctp"]\n', /sctp/);
    fails('services:\n  a:\n    image: x\n    ports: [{published: 80}]\n', /target/);
  });
});

describe('compose: health checks', () => {
  it('keeps CMD / CMD-SHELL, converts durations, clamps to ECS limits naming them', () => {
    const { container, diags } = ok(`services:
  a:
    image: x
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 3s
      timeout: 1m30s
      retries: 20
      start_period: 0s
  b:
    image: y
    healthcheck:
      test: curl -f http://localhost || exit 1
      interval: 1m
  c:
    image: z
    healthcheck:
      disable: true
`);
    assert.deepEqual(container('a').healthCheck, { command: ['CMD', 'curl', '-f', 'http://localhost'], interval: 5, timeout: 60, retries: 10, startPeriod: 0 });
    assert.deepEqual(container('b').healthCheck, { command: ['CMD-SHELL', 'curl -f http://localhost || exit 1'], interval: 60 });
    assert.equal(container('c').healthCheck, undefined);
    assert.equal(find(diags, 'warning', /interval 3s is below ECS's minimum of 5 s: 5 s is used/).line, 6);
    find(diags, 'warning', /timeout 1m30s is above ECS's maximum of 60 s/);
    find(diags, 'warning', /retries 20 is above ECS's maximum of 10/);
  });
  it('a malformed duration is an error', () => {
    fails('services:\n  a:\n    image: x\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: soon\n', /interval "soon"/);
  });
});

describe('compose: depends_on', () => {
  it('conditions map to START, HEALTHY, SUCCESS; one-shot services are not essential', () => {
    const { container } = ok(`services:
  app:
    image: app
    depends_on:
      db: {condition: service_healthy}
      migrate: {condition: service_completed_successfully}
      cache: {condition: service_started}
  worker:
    image: w
    depends_on: [cache]
  db:
    image: pg
    healthcheck: {test: ["CMD", "pg_isready"]}
  migrate:
    image: app
    command: npm run migrate
  cache:
    image: redis
`);
    assert.deepEqual(container('app').dependsOn, [
      { containerName: 'db', condition: 'HEALTHY' },
      { containerName: 'migrate', condition: 'SUCCESS' },
      { containerName: 'cache', condition: 'START' },
    ]);
    assert.deepEqual(container('worker').dependsOn, [{ containerName: 'cache', condition: 'START' }]);
    assert.equal(container('migrate').essential, false);
    assert.equal(container('app').essential, true);
  });
  it('unknown services, HEALTHY without a health check, bad conditions and cycles are errors', () => {
    const e = fails('services:\n  app:\n    image: a\n    depends_on: [dbb]\n  db:\n    image: d\n', /depends on "dbb": no such service; the services are app, db/);
    assert.deepEqual([e.line, e.col], [4, 18]);
    fails('services:\n  app:\n    image: a\n    depends_on: {db: {condition: service_healthy}}\n  db: {image: d}\n', /no healthcheck/);
    fails('services:\n  app:\n    image: a\n    depends_on: {db: {condition: when_ready}}\n  db: {image: d}\n', /condition "when_ready"/);
    fails('services:\n  a: {image: a, depends_on: [b]}\n  b: {image: b, depends_on: [a]}\n', /cycle: a → b → a/);
  });
});

describe('compose: other container settings', () => {
  it('maps working_dir, user, stop_grace_period, init, ulimits, read_only, labels, tty, resources', () => {
    const { container } = ok(`services:
  a:
    image: x
    working_dir: /srv
    user: "1000:1000"
    stop_grace_period: 1m30s
    init: true
    read_only: true
    stdin_open: true
    tty: true
    labels: ["team=shop"]
    cap_drop: [ALL]
    cap_add: [SYS_PTRACE]
    ulimits:
      nproc: 65535
      nofile: {soft: 20000, hard: 40000}
    deploy:
      resources:
        limits: {cpus: "0.5", memory: 512M}
        reservations: {memory: 256M}
`);
    const c = container('a');
    assert.equal(c.workingDirectory, '/srv');
    assert.equal(c.user, '1000:1000');
    assert.equal(c.stopTimeout, 90);
    assert.deepEqual(c.linuxParameters, { initProcessEnabled: true, capabilities: { add: ['SYS_PTRACE'], drop: ['ALL'] } });
    assert.deepEqual(c.ulimits, [{ name: 'nproc', softLimit: 65535, hardLimit: 65535 }, { name: 'nofile', softLimit: 20000, hardLimit: 40000 }]);
    assert.equal(c.readonlyRootFilesystem, true);
    assert.deepEqual(c.dockerLabels, { team: 'shop' });
    assert.equal(c.interactive, true);
    assert.equal(c.pseudoTerminal, true);
    assert.deepEqual([c.cpu, c.memory, c.memoryReservation], [512, 512, 256]);
  });
  it('stop_grace_period above Fargate\'s 120 s is clamped with a warning', () => {
    const { container, diags } = ok('services:\n  a:\n    image: x\n    stop_grace_period: 5m\n');
    assert.equal(container('a').stopTimeout, 120);
    find(diags, 'warning', /maximum of 120 s/);
  });
  it('awslogs for every container, group /ecs/<family> or --log-group, region and stream prefix', () => {
    const { container } = ok('services:\n  a:\n    image: x\n    logging: {driver: json-file}\n', { options: { region: 'ap-south-1' } });
    assert.deepEqual(container('a').logConfiguration, {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/proj', 'awslogs-region': 'ap-south-1', 'awslogs-stream-prefix': 'a' },
    });
    assert.equal(ok('services: {a: {image: x}}', { options: { logGroup: '/custom' } }).container('a').logConfiguration?.options?.['awslogs-group'], '/custom');
  });
  it('keys ECS has no place for are dropped with a warning, unknown ones too, Compose-only ones noted', () => {
    const { diags } = ok('services:\n  a:\n    image: x\n    restart: always\n    extra_hosts: ["h:1.2.3.4"]\n    expose: ["80"]\n    colour: blue\n');
    find(diags, 'warning', /restart is dropped/);
    find(diags, 'warning', /extra_hosts is dropped/);
    find(diags, 'info', /expose is ignored/);
    find(diags, 'warning', /unknown service key "colour"/);
  });
});

describe('compose: what ECS cannot do', () => {
  it('network_mode host / service: are errors; bridge is noted', () => {
    fails('services:\n  a:\n    image: x\n    network_mode: host\n', /network_mode "host" cannot run on ECS/);
    fails('services:\n  a:\n    image: x\n  b:\n    image: y\n    network_mode: "service:a"\n', /network_mode "service:a"/);
    find(ok('services:\n  a:\n    image: x\n    network_mode: bridge\n').diags, 'info', /replaced by awsvpc/);
  });
  it('privileged, devices and capabilities Fargate refuses are errors; EC2 takes them', () => {
    fails('services:\n  a:\n    image: x\n    privileged: true\n', /Fargate does not run privileged/);
    fails('services:\n  a:\n    image: x\n    devices: ["/dev/fuse"]\n', /devices cannot be mapped on Fargate/);
    fails('services:\n  a:\n    image: x\n    cap_add: [NET_ADMIN]\n', /cap_add NET_ADMIN/);
    fails('services:\n  a:\n    image: x\n    pid: host\n', /pid: host/);
    const ec2 = ok('services:\n  a:\n    image: x\n    privileged: true\n    devices: ["/dev/fuse:/dev/fuse"]\n    cap_add: [NET_ADMIN]\n', { options: { launchType: 'EC2' } });
    const c = ec2.container('a');
    assert.equal(c.privileged, true);
    assert.deepEqual(c.linuxParameters?.devices, [{ hostPath: '/dev/fuse', containerPath: '/dev/fuse' }]);
    assert.deepEqual(ec2.td.requiresCompatibilities, ['EC2']);
  });
  it('a service with neither image nor build is an error; build only gets an ECR image with a warning', () => {
    fails('services:\n  a:\n    command: run\n', /neither "image" nor "build"/);
    const { container, diags } = ok('name: shop\nservices:\n  api:\n    build: ./api\n', { options: { accountId: '123456789012' } });
    assert.equal(container('api').image, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:latest');
    find(diags, 'warning', /built locally/);
    assert.equal(ok('services:\n  api:\n    build: .\n', { options: { images: { api: 'reg/api:2' } } }).container('api').image, 'reg/api:2');
  });
  it('include is refused, and more than ten services too', () => {
    fails('include: [other.yaml]\nservices: {a: {image: x}}\n', /include/);
    const many = Array.from({ length: 11 }, (_, i) => `  s${i}: {image: x}`).join('\n');
    fails(`services:\n${many}\n`, /at most 10 containers/);
  });
  it('errors mean no output at all', () => {
    const r = render('services:\n  a:\n    image: x\n    network_mode: host\n  b:\n    image: y\n');
    assert.equal(r.taskDefinition, undefined);
  });
});
