import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { pushRepository, repositoryNameFor, repositoryNameProblem } from '../../../../src/core/image/ecrNames';
import { decodeEcrToken } from '../../../../src/core/image/ecrToken';
import { parseBuildArg } from '../../../../src/core/image/buildArgs';
import { defaultTags, splitTags, tagProblem } from '../../../../src/core/image/imageTags';
import { normalizeArch, platformMatchesEngine, platformProblem } from '../../../../src/core/image/platform';
import { formatBytes } from '../../../../src/core/image/bytes';

describe('image tags', () => {
  it('defaults to the short commit (-dirty with changes) and latest', () => {
    assert.deepEqual(defaultTags({ shortCommit: 'abc1234', dirty: false }), ['abc1234', 'latest']);
    assert.deepEqual(defaultTags({ shortCommit: 'abc1234', dirty: true }), ['abc1234-dirty', 'latest']);
    assert.deepEqual(defaultTags(undefined), ['latest']);
  });

  it('checks tags against Docker grammar', () => {
    assert.equal(tagProblem('v1.2.3_rc-1'), undefined);
    for (const bad of ['', '-x', '.x', 'a:b', 'a/b', 'x'.repeat(129)]) assert.ok(tagProblem(bad), bad);
  });

  it('splits typed tags on commas and spaces', () => {
    assert.deepEqual(splitTags(' abc, latest  v1,latest'), ['abc', 'latest', 'v1']);
  });

  it('parses build args, a bare name reading the environment', () => {
    assert.deepEqual(parseBuildArg('A=b=c', {}), ['A', 'b=c']);
    assert.deepEqual(parseBuildArg('HOME', { HOME: '/root' }), ['HOME', '/root']);
    assert.deepEqual(parseBuildArg('NONE', {}), ['NONE', undefined]);
    assert.throws(() => parseBuildArg('=x', {}), /NAME=VALUE/);
  });

  it('compares platforms with the engine arch in either naming', () => {
    assert.equal(platformProblem('linux/amd64'), undefined);
    assert.ok(platformProblem('amd64'));
    assert.equal(normalizeArch('x86_64'), 'amd64');
    assert.ok(platformMatchesEngine('linux/amd64', { os: 'linux', arch: 'amd64' }));
    assert.ok(platformMatchesEngine('linux/arm64', { os: 'linux', arch: 'aarch64' }));
    assert.ok(!platformMatchesEngine('linux/amd64', { os: 'linux', arch: 'arm64' }));
  });

  it('formats sizes in decimal units as Docker does', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(5120), '5.1 kB');
    assert.equal(formatBytes(300_000_000), '300 MB');
  });
});

describe('ECR names and login', () => {
  it('makes a valid repository name from any folder name', () => {
    assert.equal(repositoryNameFor('My App__v2'), 'my-app-v2');
    fc.assert(fc.property(fc.string(), (folder) => repositoryNameProblem(repositoryNameFor(folder)) === undefined));
  });

  it('refuses names ECR refuses', () => {
    assert.equal(repositoryNameProblem('team/app-1'), undefined);
    for (const bad of ['App', 'a', '-app', 'app/', 'a b']) assert.ok(repositoryNameProblem(bad), bad);
  });

  it('decodes the token into user and password and the registry from the proxy endpoint', () => {
    const token = Buffer.from('AWS:secret:with:colons').toString('base64');
    assert.deepEqual(decodeEcrToken(token, 'https://1.dkr.ecr.eu-west-1.amazonaws.com'), {
      username: 'AWS',
      password: 'secret:with:colons',
      registry: '1.dkr.ecr.eu-west-1.amazonaws.com',
    });
    assert.throws(() => decodeEcrToken(Buffer.from('nocolon').toString('base64'), 'https://x'), /not "user:password"/);
  });

  it('replaces only the registry part of a repository URI for the push', () => {
    assert.equal(pushRepository('1.dkr.ecr.us-east-1.amazonaws.com/team/app', '127.0.0.1:5001'), '127.0.0.1:5001/team/app');
    assert.equal(pushRepository('1.dkr.ecr.us-east-1.amazonaws.com/app', undefined), '1.dkr.ecr.us-east-1.amazonaws.com/app');
    assert.equal(pushRepository('1.dkr.ecr.us-east-1.amazonaws.com/app', 'http://127.0.0.1:5001/'), '127.0.0.1:5001/app');
  });
});
