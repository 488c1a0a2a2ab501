import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileBuildRecords, type BuildRecords } from '../../../src/docker/buildRecords';
import { fingerprintContext } from '../../../src/docker/contextFingerprint';
import { createDockerClient } from '../../../src/docker/engine';
import { checkUnchangedBuild } from '../../../src/docker/unchangedBuild';
import { buildAndPush, type BuildAndPushDeps, type BuildAndPushRequest } from '../../../src/flows/buildAndPush';
import { baseImage, dockerHost } from '../env';
import { connection, suiteEcrClient, makeContext, recorder, uniqueRepo } from './imageHelpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LATER = () => Date.now() + 60_000; // as if the build ran a minute after the last change
const recordsDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-records-'));

describe('context fingerprint', () => {
  const files = { Dockerfile: 'FROM x\nCOPY . .\n', 'src/a.js': 'a', '.dockerignore': 'node_modules\n*.log\n!keep.log\n', 'node_modules/m/i.js': 'm', 'x.log': 'l', 'keep.log': 'k' };

  it('changes with a file the build sends, not with one .dockerignore leaves out', () => {
    const dir = makeContext(files);
    const fp = () => fingerprintContext(dir, path.join(dir, 'Dockerfile'), LATER()).digest;
    const first = fp();
    assert.equal(fp(), first, 'stable while nothing changes');
    fs.writeFileSync(path.join(dir, 'node_modules/m/i.js'), 'changed');
    fs.writeFileSync(path.join(dir, 'x.log'), 'changed');
    assert.equal(fp(), first, 'ignored files are not part of it');
    fs.writeFileSync(path.join(dir, 'keep.log'), 'K'); // same size, kept by the "!" exception
    const second = fp();
    assert.notEqual(second, first);
    fs.writeFileSync(path.join(dir, 'src/new.js'), '');
    assert.notEqual(fp(), second, 'a new file changes it');
  });

  it('counts what the tar would hold and is racy when something changed within the clock granularity', () => {
    const dir = makeContext(files);
    const fp = (now?: number) => fingerprintContext(dir, path.join(dir, 'Dockerfile'), now);
    assert.equal(fp().racy, true, 'just written');
    // Dockerfile, .dockerignore, keep.log, src, src/a.js
    assert.equal(fp().entries, 5);
    assert.equal(fp(Date.now() + 500).racy, false, 'half a second later, on a file system with sub-second times');
    assert.equal(fp(LATER()).racy, false);
    // Whole-second times (FAT, HFS+) get a 2 s window.
    for (const name of ['Dockerfile', '.dockerignore', 'keep.log', 'src', 'src/a.js']) fs.utimesSync(path.join(dir, name), 1_700_000_000, 1_700_000_000);
    assert.equal(fp(Date.now() + 500).racy, true);
    assert.equal(fp(Date.now() + 2500).racy, false);
  });
});

describe('checkUnchangedBuild against dockerd', function () {
  this.timeout(120000);
  const docker = createDockerClient(dockerHost());

  it('says build until a record exists, unchanged while nothing changed, build when the image is gone', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nCOPY . /app\n`, 'app.txt': 'one' });
    const records = fileBuildRecords(recordsDir());
    const req = { dockerfile: path.join(dir, 'Dockerfile'), contextDir: dir, platform: 'linux/amd64' };
    // Checked the moment the files were written: racy, so nothing may be recorded.
    assert.equal((await checkUnchangedBuild(docker, records, req, Date.now())).inputs, undefined);
    const first = await checkUnchangedBuild(docker, records, req, LATER());
    assert.equal(first.kind, 'build');
    assert.match(first.kind === 'build' ? first.why : '', /no earlier build/);
    assert.ok(first.inputs);

    // A throwaway image to stand for what the build made.
    const base = await docker.getImage(baseImage()).inspect();
    const made = `ecs-deploy-test/made:${Date.now()}`;
    await docker.getImage(base.Id).tag({ repo: made.split(':')[0], tag: made.split(':')[1] });
    records.put(req.dockerfile, dir, { inputs: first.inputs!, imageId: base.Id, contextBytes: 42 });
    const second = await checkUnchangedBuild(docker, records, req, LATER());
    assert.deepEqual(second, { kind: 'unchanged', inputs: first.inputs, imageId: base.Id, contextBytes: 42 });

    const otherArgs = await checkUnchangedBuild(docker, records, { ...req, buildArgs: { A: '1' } }, LATER());
    assert.equal(otherArgs.kind, 'build', 'build arguments are inputs');
    const otherPlatform = await checkUnchangedBuild(docker, records, { ...req, platform: 'linux/arm64' }, LATER());
    assert.equal(otherPlatform.kind, 'build', 'the platform is an input');

    records.put(req.dockerfile, dir, { inputs: first.inputs!, imageId: 'sha256:' + '0'.repeat(64), contextBytes: 42 });
    const gone = await checkUnchangedBuild(docker, records, req, LATER());
    assert.equal(gone.kind, 'build');
    assert.match(gone.kind === 'build' ? gone.why : '', /no longer has/);
    await docker.getImage(made).remove();
  });

  it('builds when a base image is not in the engine or the Dockerfile fetches remote sources', async () => {
    const records: BuildRecords = fileBuildRecords(recordsDir());
    const absent = makeContext({ Dockerfile: 'FROM ecs-deploy-test/never-pulled:1\n' });
    const a = await checkUnchangedBuild(docker, records, { dockerfile: path.join(absent, 'Dockerfile'), contextDir: absent, platform: 'linux/amd64' }, LATER());
    assert.deepEqual(a, { kind: 'build', why: 'the engine does not have ecs-deploy-test/never-pulled:1 yet' });
    const remote = makeContext({ Dockerfile: `FROM ${baseImage()}\nADD https://example.com/x.tgz /x\n` });
    const r = await checkUnchangedBuild(docker, records, { dockerfile: path.join(remote, 'Dockerfile'), contextDir: remote, platform: 'linux/amd64' }, LATER());
    assert.equal(r.kind, 'build');
    assert.equal(r.inputs, undefined, 'nothing to record');
  });
});

describe('buildAndPush reuses an unchanged build', function () {
  this.timeout(180000);
  const ecr = suiteEcrClient();
  const docker = createDockerClient(dockerHost());

  it('pushes the recorded image without sending the context; rebuilds on a changed file, base image or --no-cache', async () => {
    const base = `ecs-deploy-test/base-${Date.now()}`;
    const baseId = (await docker.getImage(baseImage()).inspect()).Id;
    await docker.getImage(baseId).tag({ repo: base, tag: '1' });
    const dir = makeContext({ Dockerfile: `FROM ${base}:1\nCOPY . /app\nRUN ls /app > /listing\n`, 'src/app.js': 'one', '.dockerignore': 'node_modules\n', 'node_modules/m.js': 'm' });
    await sleep(250); // older than the racy window, so the first build is recorded
    const records = fileBuildRecords(recordsDir());
    const repo = uniqueRepo('reuse');
    const req: BuildAndPushRequest = { dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true, tags: ['t'] };
    const run = async (extra: Partial<BuildAndPushRequest> = {}) => {
      const rec = recorder();
      const deps: BuildAndPushDeps = { docker, dockerHost: dockerHost(), ecr: ecr(), connection: connection(), log: rec.log, progress: rec.progress, buildRecords: records };
      const result = await buildAndPush({ ...req, ...extra }, deps);
      return { result, sent: rec.lines.some((l) => /^Sent build context/.test(l)), rec };
    };

    const first = await run();
    assert.equal(first.result.reused, false);
    assert.ok(first.sent);
    const second = await run();
    assert.equal(second.result.reused, true, second.rec.lines.join('\n'));
    assert.equal(second.sent, false, 'no context was sent');
    assert.equal(second.result.digest, first.result.digest, 'the same image was pushed');
    assert.ok(second.rec.steps.includes('Image up to date'));
    assert.ok(second.rec.lines.some((l) => l.startsWith('Nothing the build reads has changed')));

    fs.writeFileSync(path.join(dir, 'node_modules/m.js'), 'ignored change');
    assert.equal((await run()).result.reused, true, 'a change .dockerignore excludes does not count');

    // The base tag now names another image (the one just built): docker build would rebuild on it, so do we.
    const built = records.get(req.dockerfile, dir)?.imageId;
    assert.ok(built && built !== baseId);
    await docker.getImage(built).tag({ repo: base, tag: '1' });
    const rebased = await run();
    assert.equal(rebased.result.reused, false);
    assert.ok(rebased.sent);
    assert.equal((await run()).result.reused, true, 'the rebuild on the new base was recorded');

    assert.equal((await run({ noCache: true })).result.reused, false, '--no-cache always builds');

    fs.writeFileSync(path.join(dir, 'src/app.js'), 'two');
    const changed = await run();
    assert.equal(changed.result.reused, false);
    assert.notEqual(changed.result.digest, first.result.digest);
    await docker.getImage(`${base}:1`).remove();
  });
});
