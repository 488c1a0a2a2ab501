import * as assert from 'node:assert/strict';
import { stderrProgress } from '../../../src/cli/progress';

describe('stderrProgress', () => {
  it('prints each new step, and percentage updates of one step at most once a second', () => {
    const lines: string[] = [];
    let now = 0;
    const p = stderrProgress((l) => lines.push(l), () => now);
    p.report({ message: 'Step 1/2: FROM x' });
    p.report({ message: 'Step 1/2: FROM x' });
    p.report({ message: 'Step 2/2: RUN y' });
    p.report({ message: 'Pushing 2 layers 10% of 2.0 MB' });
    now = 500;
    p.report({ message: 'Pushing 2 layers 40% of 2.0 MB' });
    now = 1600;
    p.report({ message: 'Pushing 2 layers 90% of 2.0 MB' });
    assert.deepEqual(lines, ['… Step 1/2: FROM x', '… Step 2/2: RUN y', '… Pushing 2 layers 10% of 2.0 MB', '… Pushing 2 layers 90% of 2.0 MB']);
  });
});

describe('stderrProgress with fast steps', () => {
  it('never holds back a new step number, however fast they come', () => {
    const lines: string[] = [];
    const p = stderrProgress((l) => lines.push(l), () => 0);
    for (let i = 1; i <= 4; i++) p.report({ message: `Step ${i}/4: RUN x` });
    assert.equal(lines.length, 4);
  });
});
