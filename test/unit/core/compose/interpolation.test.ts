import * as assert from 'node:assert/strict';
import { interpolateString, InterpolationError } from '../../../../src/core/compose/interpolate';
import { env, fails, find, ok } from './renderHelper';

describe('compose: interpolation', () => {
  const e = { TAG: '7', EMPTY: '', NAME: 'shop' };
  it('substitutes ${VAR}, $VAR and the default forms', () => {
    assert.equal(interpolateString('mongo:${TAG}', e), 'mongo:7');
    assert.equal(interpolateString('$NAME-x', e), 'shop-x');
    assert.equal(interpolateString('${MISSING:-d}|${EMPTY:-d}|${EMPTY-d}|${MISSING-d}', e), 'd|d||d');
    assert.equal(interpolateString('${TAG:+set}|${MISSING:+set}|${EMPTY+set}', e), 'set||set');
    assert.equal(interpolateString('${MISSING:-${NAME}-db}', e), 'shop-db');
  });
  it('keeps $$ as a literal $ and a lone $ as it is', () => {
    assert.equal(interpolateString('echo $$HOME costs 5$', e), 'echo $HOME costs 5$');
  });
  it('fails ${VAR:?err} and ${VAR?err} with the message', () => {
    assert.throws(() => interpolateString('${EMPTY:?set it please}', e), /EMPTY.*set it please/);
    assert.equal(interpolateString('${EMPTY?x}', e), '');
    assert.throws(() => interpolateString('${MISSING?x}', e), InterpolationError);
    assert.throws(() => interpolateString('${unclosed', e), /missing "}"/);
    assert.throws(() => interpolateString('${1BAD}', e), /invalid interpolation/);
  });
  it('interpolates compose values from the injected environment', () => {
    const { container } = ok('services:\n  db:\n    image: mongo:${MONGO_TAG:-6}\n    environment:\n      DB: ${DB_NAME}\n', { env: { DB_NAME: 'app' } });
    assert.equal(container('db').image, 'mongo:6');
    assert.deepEqual(env(container('db')), { DB: 'app' });
  });
  it('a required variable that is missing is an error at its value', () => {
    const d = fails('services:\n  db:\n    image: mongo\n    environment:\n      PW: ${DB_PW:?set DB_PW in .env}\n', /DB_PW.*set DB_PW in \.env/);
    assert.deepEqual([d.line, d.col], [5, 11]);
  });
  it('an unset variable without default is a warning and becomes empty', () => {
    const { diags, container } = ok('services:\n  a:\n    image: x\n    environment: ["HOSTNAME_SUFFIX=${SUFFIX}"]\n');
    find(diags, 'warning', /SUFFIX is not set/);
    assert.deepEqual(env(container('a')), { HOSTNAME_SUFFIX: '' });
  });
});
