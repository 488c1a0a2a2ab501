import * as assert from 'node:assert/strict';
import { ecrImageOf, listBuildTargets } from '../../../../src/core/compose/index';
import { DIR, find, ok } from './renderHelper';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** The shape: the base file builds, the production file names the ECR image. */
const TWO_FILES = {
  files: {
    'compose.prod.yaml': `services:\n  notes:\n    image: ${ECR}/notes:2024.06.1\n`,
  },
  compose: ['compose.yaml', 'compose.prod.yaml'],
};
const BASE = 'name: two-files-app\nservices:\n  notes:\n    build: .\n    image: notes:dev\n';

describe('compose: build with an image that names an ECR repository', () => {
  it('reads ECR image URIs, with tag or digest; anything else is not one', () => {
    assert.deepEqual(ecrImageOf(`${ECR}/notes:2024.06.1`), { uri: `${ECR}/notes:2024.06.1`, registry: ECR, region: 'eu-west-1', repository: 'notes', tag: '2024.06.1' });
    assert.deepEqual(ecrImageOf(`${ECR}/team/notes@${DIGEST}`), { uri: `${ECR}/team/notes@${DIGEST}`, registry: ECR, region: 'eu-west-1', repository: 'team/notes', tag: undefined });
    assert.equal(ecrImageOf(`${ECR}/notes`)?.repository, 'notes');
    for (const other of ['notes:dev', 'ghcr.io/acme/notes:1', 'aws_account_id.dkr.ecr.eu-west-1.amazonaws.com/notes:1', `${ECR}/Notes:1`, `${ECR}/notes:-bad`, `${ECR}/notes@sha256:short`, undefined]) {
      assert.equal(ecrImageOf(other), undefined, String(other));
    }
  });

  it('-f compose.yaml -f compose.prod.yaml: the task uses the ECR image as it is, without the computed-name warning', () => {
    const { container, diags } = ok(BASE, { ...TWO_FILES, options: { region: 'us-east-1', accountId: '999999999999' } });
    assert.equal(container('notes').image, `${ECR}/notes:2024.06.1`);
    assert.ok(!diags.some((d) => d.code === 'build-image'), diags.map((d) => d.message).join('\n'));
    assert.equal(ok(`services:\n  notes:\n    build: .\n    image: ${ECR}/notes@${DIGEST}\n`).container('notes').image, `${ECR}/notes@${DIGEST}`);
  });

  it('an image that is not an ECR URI still gets the computed repository, with the warning; --image and x-ecs still win', () => {
    const { container, diags } = ok(BASE, { options: { region: 'us-east-1', accountId: '123456789012' } });
    assert.equal(container('notes').image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/two-files-app-notes:dev');
    find(diags, 'warning', /built locally: .*name an ECR image in its "image:"/);
    assert.equal(ok(BASE, { ...TWO_FILES, options: { images: { notes: 'reg/notes:2' } } }).container('notes').image, 'reg/notes:2');
    const xEcs = `services:\n  notes:\n    build: .\n    image: ${ECR}/notes:1\n    x-ecs: {image: ${ECR}/other:2}\n`;
    assert.equal(ok(xEcs).container('notes').image, `${ECR}/other:2`);
  });

  it('build targets push to the repository (and tag) the image names, else to <project>-<service>', () => {
    const files: Record<string, string> = { 'compose.yaml': BASE, ...TWO_FILES.files };
    const targets = (compose: string[]) =>
      listBuildTargets({
        files: compose.map((f) => ({ path: `${DIR}/${f}`, text: files[f] })),
        projectDirectory: DIR,
        env: {},
        profiles: [],
        readFile: (p) => files[p.slice(DIR.length + 1)],
      });
    const [prod] = targets(TWO_FILES.compose);
    assert.equal(prod.repository, 'notes');
    assert.deepEqual(prod.ecrImage, { uri: `${ECR}/notes:2024.06.1`, registry: ECR, region: 'eu-west-1', repository: 'notes', tag: '2024.06.1' });
    const [dev] = targets(['compose.yaml']);
    assert.equal(dev.repository, 'two-files-app-notes');
    assert.equal(dev.ecrImage, undefined);
  });
});
