import * as assert from 'node:assert/strict';
import { PushProgress } from '../../../../src/core/image/pushProgress';
import { describePushFailure } from '../../../../src/core/image/pushErrors';

const digest = `sha256:${'a'.repeat(64)}`;

describe('PushProgress', () => {
  it('sums layer bytes into one percentage and takes the digest from the aux event', () => {
    const p = new PushProgress();
    p.update({ status: 'The push refers to repository [r/app]' });
    p.update({ status: 'Preparing', id: 'l1' });
    p.update({ status: 'Preparing', id: 'l2' });
    p.update({ status: 'Layer already exists', id: 'l2' });
    assert.equal(p.update({ status: 'Pushing', id: 'l1', progressDetail: { current: 500_000, total: 2_000_000 } }), 'Pushing 2 layers 25% of 2.0 MB');
    assert.equal(p.update({ status: 'Pushed', id: 'l1' }), 'Pushing 2 layers 100% of 2.0 MB');
    p.update({ status: `latest: digest: ${digest} size: 528` });
    assert.equal(p.digest, digest);
    const q = new PushProgress();
    q.update({ aux: { Tag: 'latest', Digest: digest, Size: 528 } });
    assert.equal(q.digest, digest);
  });

  it('never says 100% while a layer is still going', () => {
    const p = new PushProgress();
    p.update({ status: 'Pushing', id: 'l1', progressDetail: { current: 2_000_000, total: 2_000_000 } });
    assert.equal(p.message(), 'Pushing 1 layer 99% of 2.0 MB');
  });
});

describe('describePushFailure', () => {
  it('names the IAM action ECR refused, and all the push needs', () => {
    const m = describePushFailure('denied: User: arn:aws:iam::1:user/x is not authorized to perform: ecr:InitiateLayerUpload on resource: arn', 'r/app:1');
    assert.match(m, /must allow ecr:InitiateLayerUpload \(a push needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage\)/);
  });

  it('says a refused login is a denial with the permissions to check', () => {
    assert.match(describePushFailure('unauthorized: authentication required', 'r/app:1'), /^The push to r\/app:1 was denied: unauthorized: authentication required — .*ecr:PutImage/);
    assert.match(describePushFailure('denied: Your authorization token has expired. Reauthenticate and try again.', 'r'), /has expired — run the command again/);
  });
});
