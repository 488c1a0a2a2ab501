import * as assert from 'node:assert/strict';
import { buildInputsOf, expandVariables } from '../../../../src/core/image/buildInputs';

describe('buildInputsOf', () => {
  it('lists the base images of every stage, not the stages themselves nor scratch', () => {
    const text = [
      'FROM --platform=$BUILDPLATFORM node:20-alpine AS deps',
      'RUN npm ci',
      'FROM deps AS build',
      'FROM scratch AS empty',
      'FROM gcr.io/distroless/nodejs20',
      'COPY --from=build /app /app',
      'COPY --from=0 /x /x',
      'COPY --from=busybox:1.36 /bin/sh /bin/sh',
    ].join('\n');
    assert.deepEqual(buildInputsOf(text), { images: ['busybox:1.36', 'gcr.io/distroless/nodejs20', 'node:20-alpine'] });
  });

  it('expands global ARGs from their defaults, overridden by build arguments', () => {
    const text = 'ARG NODE=20\nARG VARIANT="alpine" OTHER\nFROM node:${NODE}-${VARIANT}\nARG NODE=99\n';
    assert.deepEqual(buildInputsOf(text), { images: ['node:20-alpine'] });
    assert.deepEqual(buildInputsOf(text, { NODE: '22' }), { images: ['node:22-alpine'] });
  });

  it('is unsure when a FROM needs a build argument that has no value', () => {
    const r = buildInputsOf('ARG BASE\nFROM $BASE\n');
    assert.ok('unsure' in r && /line 2: FROM \$BASE/.test(r.unsure), JSON.stringify(r));
    assert.deepEqual(buildInputsOf('ARG BASE\nFROM $BASE\n', { BASE: 'alpine:3' }), { images: ['alpine:3'] });
  });

  it('is unsure about remote ADD sources and variable COPY --from', () => {
    assert.ok('unsure' in buildInputsOf('FROM a\nADD https://example.com/x.tgz /x\n'));
    assert.ok('unsure' in buildInputsOf('FROM a\nADD git@github.com:o/r.git /r\n'));
    assert.ok('unsure' in buildInputsOf('FROM a\nARG S=b\nCOPY --from=$S /x /x\n'));
    assert.deepEqual(buildInputsOf('FROM a\nADD local.tgz /x\n'), { images: ['a'] });
  });

  it('is unsure without any FROM', () => {
    assert.ok('unsure' in buildInputsOf('# nothing\nRUN true\n'));
  });
});

describe('expandVariables', () => {
  const vars = new Map<string, string | undefined>([
    ['A', 'x'],
    ['E', ''],
    ['U', undefined],
  ]);
  it('expands $A, ${A}, defaults and alternatives; keeps escaped dollars', () => {
    assert.equal(expandVariables('$A-${A}-${E:-d}-${U:-d}-${A:+alt}-${E:+alt}-\\$A', vars), 'x-x-d-d-alt--$A');
  });
  it('gives undefined when a name has no value and no default', () => {
    assert.equal(expandVariables('img:$U', vars), undefined);
    assert.equal(expandVariables('img:${NOPE}', vars), undefined);
  });
});
