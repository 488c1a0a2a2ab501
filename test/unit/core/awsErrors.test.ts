import * as assert from 'node:assert/strict';
import { describeAwsError } from '../../../src/core/awsErrors';

/** Errors shaped like what the SDK v3 throws (name, $metadata, Node's code). */
function sdkError(name: string, message: string, status?: number): Error {
  const e = new Error(message);
  e.name = name;
  Object.assign(e, { $metadata: { httpStatusCode: status } });
  return e;
}

describe('describeAwsError', () => {
  const ctx = { service: 'ECS', action: 'ecs:ListClusters', profile: 'dev', endpoint: 'http://127.0.0.1:4566' };

  it('credentials missing → names the profile and says what to do', () => {
    const d = describeAwsError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), ctx);
    assert.equal(d.kind, 'credentials');
    assert.match(d.message, /^No credentials found for profile "dev" — select another profile/);
  });

  it('expired SSO token → suggests aws sso login with the profile', () => {
    const d = describeAwsError(sdkError('TokenProviderError', 'The SSO session associated with this profile has expired'), ctx);
    assert.equal(d.kind, 'expired');
    assert.match(d.message, /aws sso login --profile dev/);
    assert.equal(d.short, 'SSO session expired');
  });

  it('connection refused, also when wrapped in an AggregateError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    assert.deepEqual(describeAwsError(refused, ctx), {
      kind: 'network',
      message: 'Could not reach ECS at http://127.0.0.1:4566: connection refused',
      short: 'Could not reach ECS: connection refused',
    });
    const aggregate = new AggregateError([new Error('x'), refused], '');
    assert.equal(describeAwsError(aggregate, { service: 'ECS' }).message, 'Could not reach ECS: connection refused');
  });

  it('access denied → the action that needs the permission', () => {
    const d = describeAwsError(sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized', 400), ctx);
    assert.equal(d.kind, 'access');
    assert.match(d.message, /^AccessDenied on ecs:ListClusters — the profile's IAM policy must allow it/);
    assert.equal(d.short, 'AccessDenied on ecs:ListClusters');
    assert.equal(describeAwsError(sdkError('Forbidden', 'no', 403), ctx).kind, 'access');
  });

  it('rejected keys and throttling have their own words', () => {
    assert.equal(describeAwsError(sdkError('UnrecognizedClientException', 'The security token is invalid'), ctx).kind, 'expired');
    const t = describeAwsError(sdkError('ThrottlingException', 'Rate exceeded'), ctx);
    assert.equal(t.kind, 'throttling');
    assert.match(t.message, /try again/);
  });

  it('aborts are recognised so callers can stay silent', () => {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    assert.equal(describeAwsError(e).kind, 'aborted');
  });

  it('anything else keeps its name and only the first line of its message', () => {
    const d = describeAwsError(sdkError('ClusterNotFoundException', 'Cluster not found.\n  at stack'), ctx);
    assert.deepEqual(d, {
      kind: 'other',
      message: 'ECS ecs:ListClusters failed: ClusterNotFoundException: Cluster not found.',
      short: 'ClusterNotFoundException: Cluster not found.',
    });
    assert.equal(describeAwsError('plain string').message, 'AWS failed: plain string');
  });

  it('a missed deadline names the endpoint and the seconds waited, never the SDK class', () => {
    const e = Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 30000 ms requestTimeout.'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      $metadata: {},
      $deadline: { endpoint: 'https://ecs.eu-west-1.amazonaws.com', seconds: 30, phase: 'answer' },
    });
    assert.deepEqual(describeAwsError(e, ctx), {
      kind: 'network',
      message: 'No answer from https://ecs.eu-west-1.amazonaws.com in 30 s — is it reachable?',
      short: 'No answer from ECS in 30 s',
    });
    const connect = Object.assign(new Error('x'), { name: 'TimeoutError', $deadline: { endpoint: 'http://10.0.0.1:4566', seconds: 5, phase: 'connect' } });
    assert.equal(describeAwsError(connect, ctx).message, 'Could not connect to http://10.0.0.1:4566 in 5 s — is it reachable?');
  });

  it('every throttling code AWS uses is recognised', () => {
    for (const name of ['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException']) {
      assert.equal(describeAwsError(sdkError(name, 'Rate exceeded', 400), ctx).kind, 'throttling', name);
    }
    assert.equal(describeAwsError(sdkError('SomethingElse', 'slow down', 429), ctx).kind, 'throttling');
  });

  it("the SDK's own class names are left out of the sentence", () => {
    const d = describeAwsError(sdkError('ECSServiceException', 'UnknownError', 500), ctx);
    assert.equal(d.message, 'ECS ecs:ListClusters failed: UnknownError');
    assert.doesNotMatch(describeAwsError(sdkError('TypeError', 'x is not a function'), ctx).message, /TypeError/);
  });
});
