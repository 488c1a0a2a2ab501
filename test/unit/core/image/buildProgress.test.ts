import * as assert from 'node:assert/strict';
import { describeBuildFailure, eventError, parseBuildStep } from '../../../../src/core/image/buildProgress';
import { parseDockerfile } from '../../../../src/core/image/dockerfile';

const dockerfile = { path: 'app/Dockerfile', instructions: parseDockerfile('FROM base:1\n\n# c\nRUN make \\\n  all\nRUN exit 3\n') };

describe('engine events', () => {
  it('finds the failure in an error/errorDetail event, and none in ordinary ones', () => {
    assert.equal(eventError({ errorDetail: { code: 3, message: 'boom ' }, error: 'boom' }), 'boom');
    assert.equal(eventError({ error: 'only error' }), 'only error');
    assert.equal(eventError({ errorDetail: {} }), 'the engine reported an error without a message');
    assert.equal(eventError({ stream: 'Step 1/2 : FROM x\n' }), undefined);
    assert.equal(eventError({ status: 'Pushed', id: 'abc' }), undefined);
  });

  it('parses "Step N/M : …" lines', () => {
    assert.deepEqual(parseBuildStep('Step 4/9 : RUN npm ci'), { step: 4, total: 9, text: 'RUN npm ci' });
    assert.equal(parseBuildStep(' ---> Running in 123'), undefined);
  });
});

describe('describeBuildFailure', () => {
  it('points a failed step at its Dockerfile line (continuations and comments counted right)', () => {
    const msg = describeBuildFailure("The command '/bin/sh -c exit 3' returned a non-zero code: 3", { step: 3, total: 3, text: 'RUN exit 3' }, dockerfile);
    assert.equal(msg, "app/Dockerfile:6: step 3/3 (RUN exit 3) failed: The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    assert.match(describeBuildFailure('x', { step: 2, total: 3, text: 'RUN make all' }, dockerfile), /^app\/Dockerfile:4: /);
  });

  it('turns a parse error into file:line', () => {
    assert.equal(describeBuildFailure('dockerfile parse error line 2: unknown instruction: FORM', undefined, dockerfile), 'app/Dockerfile:2: unknown instruction: FORM');
  });

  it('says a FROM step failure is a missing base image', () => {
    const msg = describeBuildFailure('pull access denied for base', { step: 1, total: 3, text: 'FROM base:1 AS b' }, dockerfile);
    assert.match(msg, /^app\/Dockerfile:1: the base image "base:1" is not on this machine and could not be pulled/);
  });
});
