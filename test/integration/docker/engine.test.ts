import * as assert from 'node:assert/strict';
import { createDockerClient, describeEngine, dockerHostOf } from '../../../src/docker/engine';
import { dockerHost } from '../env';

describe('the Docker engine through dockerode', () => {
  it('describes the engine the harness started', async () => {
    const host = dockerHost();
    const info = await describeEngine(createDockerClient(host), host);
    assert.match(info.version, /^\d+\.\d+/);
    assert.equal(info.os, 'linux');
    assert.ok(info.apiVersion);
  });

  it('a daemon that is not there gets a sentence that says so, not a stack', async () => {
    const host = 'unix:///tmp/ecs-deploy-no-such-docker.sock';
    await assert.rejects(describeEngine(createDockerClient(host), host), {
      name: 'DockerEngineError',
      message: `Cannot connect to the Docker engine at ${host} — is it running?`,
    });
  });

  it('takes DOCKER_HOST, else the platform default', () => {
    assert.equal(dockerHostOf({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }), 'tcp://127.0.0.1:2375');
    assert.equal(dockerHostOf({}), 'unix:///var/run/docker.sock');
  });
});

describe('engine addresses', () => {
  it('refuses addresses it cannot reach (ssh://) with a sentence, not a wrong guess', () => {
    assert.throws(() => createDockerClient('ssh://me@host'), { name: 'DockerEngineError', message: /"ssh:\/\/me@host" is not supported — use unix:\/\/, npipe:\/\/, tcp:\/\/ or http\(s\):\/\// });
    assert.ok(createDockerClient('tcp://127.0.0.1:2375'));
  });
});
