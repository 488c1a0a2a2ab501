import * as assert from 'node:assert/strict';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createDockerClient } from '../../../src/docker/engine';
import { buildAndPush, type BuildAndPushDeps } from '../../../src/flows/buildAndPush';
import { gitInfoOf } from '../../../src/flows/gitInfo';
import { baseImage, dockerHost } from '../env';
import { connection, suiteEcrClient, makeContext, recorder, registryGet, registryTags, uniqueRepo } from './imageHelpers';

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';

describe('buildAndPush against dockerd, moto and the basic-auth registry', function () {
  this.timeout(120000);
  const ecr = suiteEcrClient();

  const deps = (rec = recorder(), extra: Partial<BuildAndPushDeps> = {}): BuildAndPushDeps => ({
    docker: createDockerClient(dockerHost()),
    dockerHost: dockerHost(),
    ecr: ecr(),
    connection: connection(),
    log: rec.log,
    progress: rec.progress,
    ...extra,
  });

  it('builds, tags, logs in with moto\'s token, pushes, and the manifest is in the registry under that digest', async () => {
    const repo = uniqueRepo('team/web');
    const dir = makeContext({
      Dockerfile: `FROM ${baseImage()} AS base\nARG GREETING=hi\nRUN echo "greeting=$GREETING" | tee /greeting\nFROM base AS final\nRUN echo never\n`,
    });
    const rec = recorder();
    const result = await buildAndPush(
      { dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true, tags: ['v1', 'latest'], buildArgs: { GREETING: `hello-${repo}` }, target: 'base' },
      deps(rec),
    );
    // The URI is the one ECR (moto) reports, not the registry the push was redirected to.
    assert.equal(result.repositoryUri, `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repo}`);
    assert.match(result.digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(result.imageUri, `${result.repositoryUri}@${result.digest}`);
    assert.deepEqual(await registryTags(repo), ['latest', 'v1']);
    const manifest = await registryGet(`/v2/${repo}/manifests/v1`, MANIFEST_V2);
    assert.equal(manifest.status, 200);
    assert.equal(manifest.headers.get('docker-content-digest'), result.digest);
    assert.equal(((await manifest.json()) as { layers: unknown[] }).layers.length, 2);
    // Build args and the target stage reached the engine: the last stage's RUN never ran.
    assert.ok(rec.lines.includes(`greeting=hello-${repo}`), rec.lines.join('\n'));
    assert.ok(!rec.lines.some((l) => l.includes('echo never')), 'the target stopped the build before the final stage');
    assert.ok(rec.steps.some((s) => /^Step 2\/3: ARG GREETING/.test(s)), rec.steps.join('\n'));
    assert.ok(rec.steps.some((s) => /^Pushing \d+ layers? \d+%/.test(s)));
    assert.ok(rec.steps.some((s) => /^Sending context /.test(s)));
    const described = await ecr().send(new DescribeRepositoriesCommand({ repositoryNames: [repo] }));
    assert.equal(described.repositories?.[0].repositoryUri, result.repositoryUri);
  });

  it('tags with the git short commit, then "-dirty" once the tree has changes', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nCOPY app.txt /app.txt\n`, 'app.txt': 'v1' });
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first');
    const short = git('rev-parse', '--short', 'HEAD');
    const repo = uniqueRepo('gitapp');
    const clean = await buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true }, deps(recorder(), { gitInfo: gitInfoOf }));
    assert.deepEqual(clean.tags, [short, 'latest']);
    fs.writeFileSync(path.join(dir, 'app.txt'), 'v2');
    const dirty = await buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: repo }, deps(recorder(), { gitInfo: gitInfoOf }));
    assert.deepEqual(dirty.tags, [`${short}-dirty`, 'latest']);
    assert.notEqual(dirty.digest, clean.digest);
    assert.deepEqual(await registryTags(repo), [short, `${short}-dirty`, 'latest'].sort());
  });

  it('a failing RUN step fails with its Dockerfile line and the command\'s exit code, and pushes nothing', async () => {
    const repo = uniqueRepo('badrun');
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\n# comment\nRUN echo ok\nRUN echo failing && \\\n  exit 7\n` });
    await assert.rejects(
      buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true, tags: ['x'] }, deps()),
      (err: Error) => {
        assert.equal(err.name, 'UserError');
        assert.match(err.message, /Dockerfile:4: step 3\/3 \(RUN echo failing && +exit 7\) failed: The command .* returned a non-zero code: 7$/);
        return true;
      },
    );
    assert.deepEqual(await registryTags(repo), []);
  });

  it('a Dockerfile syntax error is reported as file:line', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nRUN true\nFORM x\n` });
    await assert.rejects(
      buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: uniqueRepo('syntax'), createRepository: true }, deps()),
      // Outside the working directory, the Dockerfile is named by its full path.
      { name: 'UserError', message: `${path.join(dir, 'Dockerfile')}:3: unknown instruction: FORM` },
    );
    await assert.rejects(
      buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: uniqueRepo('syntax'), createRepository: true, dockerfileLabel: 'app/Dockerfile' }, deps()),
      { name: 'UserError', message: 'app/Dockerfile:3: unknown instruction: FORM' },
    );
  });

  it('a base image that is neither local nor pullable is named with its line', async () => {
    const dir = makeContext({ Dockerfile: 'FROM no-such-owner/no-such-image:1.0\nRUN true\n' });
    await assert.rejects(
      buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: uniqueRepo('nobase'), createRepository: true }, deps()),
      /Dockerfile:1: the base image "no-such-owner\/no-such-image:1\.0" is not on this machine and could not be pulled/,
    );
  });

  it('an engine that is down is said so before anything is created in ECR', async () => {
    const host = 'unix:///tmp/ecs-deploy-no-such-engine.sock';
    const repo = uniqueRepo('noengine');
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\n` });
    await assert.rejects(
      buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true }, deps(recorder(), { docker: createDockerClient(host), dockerHost: host })),
      { message: `Cannot connect to the Docker engine at ${host} — is it running?` },
    );
    await assert.rejects(ecr().send(new DescribeRepositoriesCommand({ repositoryNames: [repo] })), { name: 'RepositoryNotFoundException' });
  });

  it('a repository that does not exist and may not be created is a clear failure', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\n` });
    await assert.rejects(
      buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: 'absent-repo', createRepository: false }, deps()),
      { message: 'The ECR repository "absent-repo" does not exist in us-east-1 — create it, or allow creating it' },
    );
  });

  it('bad input is refused before any call', async () => {
    await assert.rejects(
      buildAndPush({ dockerfile: '/nowhere/Dockerfile', repository: 'Bad Name', tags: ['-x'], platform: 'amd64' }, deps()),
      /"Bad Name" is not a valid ECR repository name.*"-x" is not a valid image tag.*"amd64" is not a platform/,
    );
  });
});
