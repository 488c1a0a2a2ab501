import * as assert from 'node:assert/strict';
import { dockerfileStages, parseDockerfile } from '../../../../src/core/image/dockerfile';

describe('parseDockerfile', () => {
  it('numbers instructions by the line they start on, skipping comments and blanks, joining continuations', () => {
    const text = ['# syntax=docker/dockerfile:1', '', 'FROM node:20 AS build', '# a comment', 'RUN apt-get update && \\', '    # inside', '    apt-get install -y git', 'copy . .', ''].join('\n');
    assert.deepEqual(parseDockerfile(text), [
      { line: 3, keyword: 'FROM', args: 'node:20 AS build' },
      { line: 5, keyword: 'RUN', args: 'apt-get update &&  apt-get install -y git' },
      { line: 8, keyword: 'COPY', args: '. .' },
    ]);
  });

  it('honours an escape directive (Windows-style backtick continuations)', () => {
    const text = '# escape=`\nFROM a\nRUN one `\n  two\nRUN c:\\path\\\n';
    assert.deepEqual(
      parseDockerfile(text).map((i) => [i.line, i.keyword, i.args]),
      [
        [2, 'FROM', 'a'],
        [3, 'RUN', 'one  two'],
        [5, 'RUN', 'c:\\path\\'],
      ],
    );
  });

  it('handles CRLF line ends', () => {
    assert.deepEqual(parseDockerfile('FROM a\r\nRUN b\r\n').map((i) => i.line), [1, 2]);
  });
});

describe('dockerfileStages', () => {
  it('gives base image and stage name of each FROM, flags dropped', () => {
    const stages = dockerfileStages(parseDockerfile('FROM --platform=$BUILDPLATFORM golang:1.22 as build\nRUN x\nFROM scratch\n'));
    assert.deepEqual(stages, [
      { line: 1, image: 'golang:1.22', name: 'build' },
      { line: 3, image: 'scratch' },
    ]);
  });
});
