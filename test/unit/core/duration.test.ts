import * as assert from 'node:assert/strict';
import { formatDuration, parseDuration } from '../../../src/core/duration';
import { parseTaskDefinitionFile } from '../../../src/core/taskDefinition/parseFile';

describe('durations', () => {
  it('reads 90s, 10m, 1h, 1h30m, 500ms and refuses the rest', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('10m'), 600_000);
    assert.equal(parseDuration('1h'), 3_600_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('500ms'), 500);
    for (const bad of ['', '10', 'm', '1.5h', '10 m', '-1m']) assert.equal(parseDuration(bad), undefined, bad);
  });

  it('writes durations back compactly', () => {
    assert.equal(formatDuration(95_000), '1m35s');
    assert.equal(formatDuration(3_600_000), '1h');
    assert.equal(formatDuration(0), '0s');
  });
});

describe('task-definition files', () => {
  it('accepts RegisterTaskDefinition input and DescribeTaskDefinition output', () => {
    const input = { family: 'web', containerDefinitions: [{ name: 'a', image: 'x' }] };
    assert.equal(parseTaskDefinitionFile(JSON.stringify(input), 'f.json').family, 'web');
    assert.equal(parseTaskDefinitionFile(JSON.stringify({ taskDefinition: input }), 'f.json').family, 'web');
  });

  it('names file, line and column of a JSON error, and what is missing', () => {
    assert.throws(() => parseTaskDefinitionFile('{\n  "family": "web",\n  oops\n}', 'web.taskdef.json'), /^TaskDefinitionFileError: web\.taskdef\.json:3:3: error: not valid JSON/);
    assert.throws(() => parseTaskDefinitionFile('[]', 'a.json'), /a task definition is a JSON object/);
    assert.throws(() => parseTaskDefinitionFile('{"containerDefinitions":[]}', 'a.json'), /"family" is missing/);
    assert.throws(() => parseTaskDefinitionFile('{"family":"w","containerDefinitions":[]}', 'a.json'), /must list at least one container/);
    assert.throws(() => parseTaskDefinitionFile('{"family":"w","containerDefinitions":[{"name":"a"}]}', 'a.json'), /containerDefinitions\[0\] needs a "name" and an "image"/);
  });
});
