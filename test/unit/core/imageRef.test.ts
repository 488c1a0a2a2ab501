import * as assert from 'node:assert/strict';
import { ecrRepositoryOf, parseImageRef } from '../../../src/core/imageRef';

describe('image references', () => {
  it('splits registry, repository, tag and digest', () => {
    assert.deepEqual(parseImageRef('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:v1'), {
      registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      repository: 'team/web',
      tag: 'v1',
      digest: undefined,
    });
    assert.deepEqual(parseImageRef('127.0.0.1:5001/app@sha256:ab'), { registry: '127.0.0.1:5001', repository: 'app', tag: undefined, digest: 'sha256:ab' });
    assert.deepEqual(parseImageRef('library/mongo:7'), { registry: undefined, repository: 'library/mongo', tag: '7', digest: undefined });
  });

  it('knows ECR repositories, not other registries or the account placeholder', () => {
    assert.deepEqual(ecrRepositoryOf('123456789012.dkr.ecr.eu-west-1.amazonaws.com/sample-app-backend@sha256:ab'), {
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      repository: 'sample-app-backend',
    });
    assert.equal(ecrRepositoryOf('aws_account_id.dkr.ecr.eu-west-1.amazonaws.com/x:latest'), undefined);
    assert.equal(ecrRepositoryOf('mongo:7'), undefined);
    assert.equal(ecrRepositoryOf('127.0.0.1:5001/app:1'), undefined);
  });
});
