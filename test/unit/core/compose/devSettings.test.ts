import * as assert from 'node:assert/strict';
import { productionCommand } from '../../../../src/core/compose/devCommand';
import { shellSplit } from '../../../../src/core/compose/commandLine';
import { fails, find, ok } from './renderHelper';

describe('compose: dev-only commands', () => {
  const prod = (cmd: string) => productionCommand(shellSplit(cmd));
  it('replaces watchers whose production form is clear', () => {
    assert.deepEqual(prod('nodemon app.js'), { kind: 'rewritten', argv: ['node', 'app.js'], note: 'nodemon restarts on file changes, which only helps in development' });
    assert.deepEqual((prod('npx nodemon src/index.js --port 3') as { argv: string[] }).argv, undefined);
    assert.deepEqual((prod('npx nodemon server.mjs') as { argv: string[] }).argv, ['node', 'server.mjs']);
    assert.deepEqual((prod('node --watch app.js') as { argv: string[] }).argv, ['node', 'app.js']);
    assert.deepEqual((prod('uvicorn main:app --host 0.0.0.0 --reload') as { argv: string[] }).argv, ['uvicorn', 'main:app', '--host', '0.0.0.0']);
    assert.deepEqual((prod('tsx watch src/main.ts') as { argv: string[] }).argv, ['tsx', 'src/main.ts']);
  });
  it('flags dev servers it cannot translate', () => {
    for (const c of ['npm run dev', 'yarn dev', 'flask run --reload', 'python manage.py runserver 0.0.0.0:8000', 'nodemon', 'nodemon -e ts src/app.ts', 'next dev']) {
      assert.equal(prod(c).kind, 'flagged', c);
    }
    for (const c of ['node app.js', 'npm start', 'gunicorn app:app', 'nginx -g "daemon off;"', 'next start']) assert.equal(prod(c).kind, 'unchanged', c);
  });
  it('splits command strings like a shell', () => {
    assert.deepEqual(shellSplit(`sh -c "echo 'a b' && x" plain\\ word ''`), ['sh', '-c', "echo 'a b' && x", 'plain word', '']);
  });

  it('rewrites nodemon in the task with a warning, flags npm run dev, and x-ecs command wins', () => {
    const { container, diags } = ok('services:\n  api:\n    image: n\n    command: nodemon app.js\n  ui:\n    image: u\n    command: npm run dev\n');
    assert.deepEqual(container('api').command, ['node', 'app.js']);
    assert.equal(find(diags, 'warning', /"nodemon app\.js" → "node app\.js"/).line, 4);
    assert.deepEqual(container('ui').command, ['npm', 'run', 'dev']);
    find(diags, 'warning', /runs the "dev" script.*x-ecs/);
    const x = ok('services:\n  ui:\n    image: u\n    command: npm run dev\n    x-ecs:\n      command: [npm, start]\n');
    assert.deepEqual(x.container('ui').command, ['npm', 'start']);
    assert.ok(!x.diags.some((d) => d.code === 'dev-command'));
  });

  it('entrypoint and command are both kept as argv lists', () => {
    const { container } = ok('services:\n  a:\n    image: x\n    entrypoint: /docker-entrypoint.sh\n    command: ["--port", "80"]\n');
    assert.deepEqual(container('a').entryPoint, ['/docker-entrypoint.sh']);
    assert.deepEqual(container('a').command, ['--port', '80']);
  });
});

describe('compose: volumes and tmpfs', () => {
  const yaml = `services:
  db:
    image: mongo
    volumes:
      - mongo-data:/data/db
      - type: volume
        source: config
        target: /data/configdb
        read_only: true
      - ./init:/docker-entrypoint-initdb.d:ro
      - type: bind
        source: ./mongod.conf
        target: /etc/mongod.conf
      - /tmp/anon
    tmpfs: /run
volumes:
  mongo-data:
  config: {}
`;
  it('named volumes become task volumes and mount points; bind mounts, tmpfs and anonymous volumes are dropped', () => {
    const { td, container, diags } = ok(yaml);
    assert.deepEqual(td.volumes, [{ name: 'mongo-data' }, { name: 'config' }]);
    assert.deepEqual(container('db').mountPoints, [
      { sourceVolume: 'mongo-data', containerPath: '/data/db', readOnly: false },
      { sourceVolume: 'config', containerPath: '/data/configdb', readOnly: true },
    ]);
    assert.equal(diags.filter((d) => d.code === 'bind-mount').length, 2);
    find(diags, 'warning', /tmpfs is dropped/);
    find(diags, 'info', /anonymous volume \/tmp\/anon/);
    assert.equal(diags.filter((d) => d.code === 'named-volume' && d.severity === 'warning').length, 2);
    assert.ok(find(diags, 'warning', /mongo-data becomes Fargate task storage/).message.includes('x-ecs'));
  });

  it('x-ecs efs attaches a file system to a named volume', () => {
    const { td } = ok(yaml + 'x-ecs:\n  efs:\n    mongo-data: {fileSystemId: fs-0123456789abcdef0, rootDirectory: /mongo, accessPointId: fsap-1}\n');
    assert.deepEqual(td.volumes?.[0], {
      name: 'mongo-data',
      efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', rootDirectory: '/mongo', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1', iam: 'ENABLED' } },
    });
  });

  it('an undeclared named volume is an error', () => {
    fails('services:\n  db:\n    image: x\n    volumes: ["data:/data"]\n', /volume "data", which is not declared/);
  });
});
