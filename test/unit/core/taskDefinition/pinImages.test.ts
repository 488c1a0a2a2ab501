import * as assert from 'node:assert/strict';
import { pinPushedImages } from '../../../../src/core/taskDefinition/pinImages';

describe('pinPushedImages', () => {
  const pushed = {
    repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend',
    imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend@sha256:' + 'ab'.repeat(32),
  };

  it('replaces the built service\'s ECR image (placeholder account and tag too) with the pushed digest', () => {
    const { input, pinned } = pinPushedImages(
      {
        family: 'sample-app',
        containerDefinitions: [
          { name: 'backend', image: 'aws_account_id.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend:latest' },
          { name: 'mongodb', image: 'mongo:7' },
        ],
      },
      [pushed],
    );
    assert.equal(input.containerDefinitions?.[0].image, pushed.imageUri);
    assert.equal(input.containerDefinitions?.[1].image, 'mongo:7');
    assert.deepEqual(pinned, [{ container: 'backend', from: 'aws_account_id.dkr.ecr.us-east-1.amazonaws.com/sample-app-backend:latest', to: pushed.imageUri }]);
  });

  it('leaves other repositories, Docker Hub names and already pinned images alone', () => {
    const def = {
      family: 'x',
      containerDefinitions: [
        { name: 'a', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/other:1' },
        { name: 'b', image: 'sample-app-backend:latest' },
        { name: 'c', image: pushed.imageUri },
      ],
    };
    const { input, pinned } = pinPushedImages(def, [pushed]);
    assert.deepEqual(input.containerDefinitions?.map((c) => c.image), def.containerDefinitions.map((c) => c.image));
    assert.deepEqual(pinned, []);
  });
});
