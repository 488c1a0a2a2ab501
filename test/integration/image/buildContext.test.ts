import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extract } from 'tar-fs';
import { pipeline } from 'node:stream/promises';
import { buildImage } from '../../../src/docker/buildImage';
import { createBuildContext } from '../../../src/docker/buildContext';
import { createDockerClient } from '../../../src/docker/engine';
import { baseImage, dockerHost } from '../env';
import { makeContext, recorder } from './imageHelpers';

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [rel];
  });
}

const IGNORE = ['# comment', 'node_modules', '*.log', '!keep.log', '**/*.tmp', 'secrets/', '!secrets/public.pem', 'Dockerfile', '.dockerignore', ''].join('\n');

const FILES = {
  '.dockerignore': IGNORE,
  Dockerfile: '',
  'app.js': 'console.log(1)',
  'debug.log': 'x',
  'keep.log': 'kept',
  'node_modules/dep/index.js': 'x',
  'src/deep/node_modules/kept.js': 'pattern "node_modules" is anchored at the root',
  'src/a.tmp': 'x',
  'src/deep/b.tmp': 'x',
  'src/deep/c.txt': 'c',
  'secrets/key.pem': 'x',
  'secrets/public.pem': 'public',
};

// What `docker build` sends for that .dockerignore (Dockerfile and .dockerignore are always sent).
const EXPECTED = ['.dockerignore', 'Dockerfile', 'app.js', 'keep.log', 'secrets/public.pem', 'src/deep/c.txt', 'src/deep/node_modules/kept.js'];

describe('the build context', () => {
  it('streams the files docker build would send, honouring .dockerignore', async () => {
    const dir = makeContext(FILES);
    const context = createBuildContext(dir, path.join(dir, 'Dockerfile'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-untar-'));
    await pipeline(context.stream, extract(out));
    assert.deepEqual(listFiles(out).sort(), EXPECTED);
    assert.equal(context.dockerfile, 'Dockerfile');
    assert.ok(context.bytesSent() >= 512 * EXPECTED.length && context.bytesSent() % 512 === 0, String(context.bytesSent()));
  });

  it('the engine sees exactly those files (COPY . then find)', async function () {
    this.timeout(60000);
    const dir = makeContext({ ...FILES, Dockerfile: `FROM ${baseImage()}\nCOPY . /ctx\nRUN echo run ${Date.now()} && cd /ctx && find . -type f | sort | sed 's/^/found /'\n` });
    const rec = recorder();
    const built = await buildImage(
      createDockerClient(dockerHost()),
      { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: 'ecs-deploy-test/context:1' },
      { ...rec, host: dockerHost() },
    );
    const found = rec.lines.filter((l) => l.startsWith('found ./')).map((l) => l.slice('found ./'.length));
    // The engine reads the Dockerfile and .dockerignore, then applies .dockerignore to COPY itself.
    assert.deepEqual(found, EXPECTED.filter((f) => f !== 'Dockerfile' && f !== '.dockerignore'));
    assert.ok(rec.lines.some((l) => /^Sent build context of [\d.]+ kB \(\d+ bytes\)$/.test(l)));
    assert.ok(built.contextBytes > 0);
  });

  it('a Dockerfile outside the context, or a missing one, is a clear error', () => {
    const dir = makeContext({ 'sub/Dockerfile': 'FROM x' });
    assert.throws(() => createBuildContext(path.join(dir, 'sub'), path.join(dir, 'Dockerfile')), /outside the build context/);
    assert.throws(() => createBuildContext(dir, path.join(dir, 'Dockerfile')), /There is no Dockerfile at/);
  });
});
