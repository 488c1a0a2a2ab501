import * as assert from 'node:assert/strict';
import path from 'node:path';
import { buildImage } from '../../../src/docker/buildImage';
import { createDockerClient } from '../../../src/docker/engine';
import { pushImage } from '../../../src/docker/pushImage';
import { buildAndPush } from '../../../src/flows/buildAndPush';
import { authRegistry, baseImage, dockerHost } from '../env';
import { connection, suiteEcrClient, makeContext, recorder, registryTags, uniqueRepo } from './imageHelpers';

describe('pushes that must fail, and cancellation', function () {
  this.timeout(180000);
  const ecr = suiteEcrClient();

  async function built(repo: string, dockerfile: string): Promise<string> {
    const dir = makeContext({ Dockerfile: dockerfile });
    const rec = recorder();
    const target = `${authRegistry()}/${repo}`;
    await buildImage(createDockerClient(dockerHost()), { contextDir: dir, dockerfile: path.join(dir, 'Dockerfile'), tag: `${target}:1` }, { ...rec, host: dockerHost() });
    return target;
  }

  it('a wrong password is a denied push that names the permissions, and the registry stays empty', async () => {
    const repo = uniqueRepo('wrongpw');
    const target = await built(repo, `FROM ${baseImage()}\nRUN echo ${repo} > /id\n`);
    const rec = recorder();
    await assert.rejects(
      pushImage(createDockerClient(dockerHost()), target, '1', { username: 'AWS', password: 'not-the-token', registry: authRegistry() }, { ...rec, host: dockerHost() }),
      (err: Error) => {
        assert.equal(err.name, 'UserError');
        assert.match(err.message, new RegExp(`^The push to ${target.replace(/[.]/g, '\\.')}:1 was denied: .*(unauthorized|authentication required).* ecr:InitiateLayerUpload`));
        assert.doesNotMatch(err.message, /not-the-token/);
        return true;
      },
    );
    assert.ok(!rec.lines.some((l) => l.includes('not-the-token')), 'the password is never logged');
    assert.deepEqual(await registryTags(repo), []);
  });

  it('cancelling mid-push stops it and leaves no tag in the registry', async () => {
    const repo = uniqueRepo('cancel');
    const dir = makeContext({
      // 48 MB of random bytes: gzip cannot shrink it, so the upload takes a while.
      Dockerfile: `FROM ${baseImage()}\nRUN head -c 48000000 /dev/urandom > /blob\n`,
    });
    const controller = new AbortController();
    const rec = recorder();
    const progress = {
      report(u: { message?: string }) {
        rec.progress.report(u);
        if (/^Pushing .* [1-9]\d?%/.test(u.message ?? '')) controller.abort();
      },
    };
    const started = Date.now();
    await assert.rejects(
      buildAndPush(
        { dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true, tags: ['big'] },
        { docker: createDockerClient(dockerHost()), dockerHost: dockerHost(), ecr: ecr(), connection: connection(), log: rec.log, progress, signal: controller.signal },
      ),
      { name: 'AbortError' },
    );
    assert.ok(controller.signal.aborted, `the push was under way: ${rec.steps.join(' | ')}`);
    assert.ok(!rec.lines.some((l) => /digest: sha256/.test(l)), 'no manifest was written');
    // Give the engine a moment: had it carried on, the tag would appear now.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(await registryTags(repo), []);
    assert.ok(Date.now() - started < 120000);
  });

  it('cancelling during the build stops it', async () => {
    const dir = makeContext({ Dockerfile: `FROM ${baseImage()}\nRUN sleep 30\n` });
    const controller = new AbortController();
    const rec = recorder();
    const progress = {
      report(u: { message?: string }) {
        if (/RUN sleep/.test(u.message ?? '')) setTimeout(() => controller.abort(), 300);
      },
    };
    const started = Date.now();
    await assert.rejects(
      buildAndPush(
        { dockerfile: path.join(dir, 'Dockerfile'), repository: uniqueRepo('cancelbuild'), createRepository: true },
        { docker: createDockerClient(dockerHost()), dockerHost: dockerHost(), ecr: ecr(), connection: connection(), log: rec.log, progress, signal: controller.signal },
      ),
      { name: 'AbortError' },
    );
    assert.ok(Date.now() - started < 20000, 'did not wait for the 30 s step');
  });
});
