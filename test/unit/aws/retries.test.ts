import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { ECSClient, ListClustersCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { awsClientConfig } from '../../../src/aws/clientConfig';
import { isOutcomeUnknown, once } from '../../../src/aws/once';
import { PatientRetryStrategy } from '../../../src/aws/retryStrategy';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/retryPolicy';

type Answer = 'throttle' | 'drop' | 'ok';

/**
 * An HTTP handler that answers from a script, in the shapes ECS's JSON protocol uses: a
 * ThrottlingException (HTTP 400, x-amzn-ErrorType) or a connection reset before any answer.
 */
function scriptedHandler(script: Answer[], okBody: object) {
  const seen: string[] = [];
  return {
    seen,
    handler: {
      async handle(request: { headers: Record<string, string> }) {
        seen.push(request.headers['x-amz-target']?.split('.')[1] ?? '?');
        const next = script.shift() ?? 'ok';
        if (next === 'drop') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        const [status, body, headers] =
          next === 'throttle'
            ? [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException' }]
            : [200, okBody, {}];
        return {
          response: { statusCode: status, headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body: Readable.from([Buffer.from(JSON.stringify(body))]) },
        };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

const FAST = { ...DEFAULT_RETRY_POLICY, throttlingBaseMs: 2, throttlingCapMs: 10, transientBaseMs: 2, transientCapMs: 10 };

function client(script: Answer[], okBody: object) {
  const s = scriptedHandler(script, okBody);
  const conn = { region: 'us-east-1', endpoint: 'http://127.0.0.1:1' };
  const ecs = new ECSClient({
    ...awsClientConfig(conn, { credentials: async () => ({ accessKeyId: 'k', secretAccessKey: 's' }) }),
    requestHandler: s.handler,
    retryStrategy: new PatientRetryStrategy(undefined, FAST),
  });
  return { ecs, seen: s.seen };
}

describe('the clients retry what is safe to retry', () => {
  it('a call throttled many times in a row (more than the SDK default of 3 attempts) still succeeds', async () => {
    const { ecs, seen } = client(['throttle', 'throttle', 'throttle', 'drop', 'throttle', 'throttle', 'ok'], { clusterArns: ['arn:a'] });
    const out = await ecs.send(new ListClustersCommand({}));
    assert.deepEqual(out.clusterArns, ['arn:a']);
    assert.equal(seen.length, 7);
  });

  it('a call that must not run twice is retried when throttled, never after a dropped connection', async () => {
    const throttled = client(['throttle', 'throttle', 'ok'], { taskDefinition: { taskDefinitionArn: 'arn:td:1' } });
    const input = { family: 'web', containerDefinitions: [{ name: 'a', image: 'x' }] };
    const out = await throttled.ecs.send(once(new RegisterTaskDefinitionCommand(input)));
    assert.equal(out.taskDefinition?.taskDefinitionArn, 'arn:td:1');
    assert.equal(throttled.seen.length, 3);

    const dropped = client(['drop', 'ok'], { taskDefinition: { taskDefinitionArn: 'arn:td:1' } });
    const err = await dropped.ecs.send(once(new RegisterTaskDefinitionCommand(input))).then(() => undefined, (e: unknown) => e);
    assert.ok(isOutcomeUnknown(err), 'the caller is told the outcome is unknown');
    assert.deepEqual(dropped.seen, ['RegisterTaskDefinition'], 'sent once');
  });
});
