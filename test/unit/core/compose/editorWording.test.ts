import * as assert from 'node:assert/strict';
import { editorText, type ComposeDiagnostic } from '../../../../src/core/compose/index';
import { setExecutionRole, setServiceExtension } from '../../../../src/core/compose/quickFixes';
import { env, ok, render } from './renderHelper';

// A command-line flag means nothing in the Problems panel: every finding the CLI words with a flag
// has an editor wording without one; the CLI keeps its own words.
const FLAG = /(^|\s)--[a-z]/;

const byCode = (diags: readonly ComposeDiagnostic[], code: string): ComposeDiagnostic => {
  const d = diags.find((x) => x.code === code);
  assert.ok(d, `a finding "${code}"; got ${diags.map((x) => x.code).join(', ')}`);
  return d;
};

describe('compose findings: the editor says them in editor terms', () => {
  const cases: Array<{ name: string; yaml: string; code: string; editor: RegExp; cli: RegExp; profiles?: string[] }> = [
    {
      name: 'no execution role (account unknown)',
      yaml: 'services:\n  api:\n    image: api:1\n',
      code: 'execution-role',
      cli: /pass --execution-role-arn/,
      editor: /set x-ecs\.executionRoleArn .*quick fix fills in your account/,
    },
    {
      name: 'a locally built image',
      yaml: 'services:\n  api:\n    build: .\n',
      code: 'build-image',
      cli: /give --image api=URI/,
      editor: /Deploy Workspace… builds and pushes it there, or name an ECR image in its "image:" \(or "x-ecs: \{image: URI\}" on "api"\)/,
    },
    {
      name: 'a dependency behind a profile',
      yaml: 'services:\n  app:\n    image: app\n    depends_on: [db]\n  db:\n    image: pg\n    profiles: [db]\n',
      code: 'unknown-dependency',
      cli: /pass --profile db/,
      editor: /add COMPOSE_PROFILES=db to the project's \.env file/,
    },
    {
      name: 'every service behind a profile',
      yaml: 'services:\n  db:\n    image: pg\n    profiles: [db]\n',
      code: 'no-services',
      cli: /pass --profile db/,
      editor: /add COMPOSE_PROFILES=db/,
    },
    {
      name: 'privileged on Fargate',
      yaml: 'services:\n  api:\n    image: api:1\n    privileged: true\n',
      code: 'privileged',
      cli: /remove it or use --launch-type ec2$/,
      editor: /remove it — the editor generates Fargate task definitions/,
    },
    {
      name: 'devices on Fargate',
      yaml: 'services:\n  api:\n    image: api:1\n    devices: ["/dev/fuse"]\n',
      code: 'devices',
      cli: /--launch-type ec2/,
      editor: /the editor generates Fargate task definitions/,
    },
    {
      name: 'platform against the task architecture',
      yaml: 'services:\n  api:\n    image: api:1\n    platform: linux/arm64\n',
      code: 'platform',
      cli: /pass --cpu-architecture/,
      editor: /setting ecsDeploy\.image\.platform\) or remove "platform"/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: the CLI's flag, the editor's key, setting or command`, () => {
      const d = byCode(render(c.yaml, { profiles: c.profiles }).diagnostics, c.code);
      assert.match(d.message, c.cli);
      assert.match(editorText(d), c.editor);
      assert.doesNotMatch(editorText(d), FLAG, `no flag in "${editorText(d)}"`);
    });
  }

  it('no finding of the sample kinds shows a flag in the editor', () => {
    const yaml = [
      'services:',
      '  api:',
      '    build: .',
      '    command: nodemon app.js',
      '    privileged: true',
      '    platform: linux/arm64',
      '    environment: {NODE_ENV: development, DB: "mongodb://db:27017"}',
      '    depends_on: [db, cache]',
      '  db:',
      '    image: mongo:7',
      '  cache:',
      '    image: redis',
      '    profiles: [cache]',
    ].join('\n');
    const diags = render(yaml).diagnostics;
    assert.ok(diags.length >= 5);
    for (const d of diags) assert.doesNotMatch(editorText(d), FLAG, `${d.code}: ${editorText(d)}`);
    // The CLI keeps its words.
    assert.ok(diags.some((d) => FLAG.test(d.message)));
  });

  it('a finding with no face-specific remedy reads the same in both', () => {
    const d = byCode(render('services:\n  api:\n    image: api:1\n    volumes: ["./src:/app"]\n').diagnostics, 'bind-mount');
    assert.equal(editorText(d), d.message);
  });

  it('account-level findings sit on the keys they are about, not on the first comment', () => {
    const yaml = '# my app\n# more notes\nservices:\n  api:\n    image: api:1\n';
    assert.equal(byCode(render(yaml).diagnostics, 'execution-role').line, 3, 'on services:');
    const withX = '# my app\nname: shop\nservices:\n  api:\n    image: api:1\nx-ecs:\n  cpu: 256\n';
    assert.equal(byCode(render(withX).diagnostics, 'execution-role').line, 6, 'on the top-level x-ecs');
  });

  it('with the account known, the role finding is an info naming the role, with the role for the quick fix', () => {
    const d = byCode(render('services:\n  api:\n    image: api:1\n', { options: { accountId: '123456789012' } }).diagnostics, 'execution-role');
    assert.equal(d.severity, 'info');
    assert.equal(d.data?.role, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.match(editorText(d), /write it as x-ecs\.executionRoleArn/);
  });
});

describe('compose quick fixes: x-ecs keys', () => {
  it('sets x-ecs.executionRoleArn: the finding is gone whether or not the account is known', () => {
    const yaml = '# app\nservices:\n  api:\n    image: api:1\n';
    const role = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
    const out = setExecutionRole(yaml, role)!;
    assert.ok(out.startsWith('# app\n'), 'comments kept');
    for (const accountId of [undefined, '123456789012']) {
      const r = ok(out, { options: { accountId } });
      assert.equal(r.td.executionRoleArn, role);
      assert.ok(!r.diags.some((d) => d.code === 'execution-role'), `no role finding (account ${accountId ?? 'unknown'})`);
    }
    // An existing top-level x-ecs gets the key added, keeping what is there.
    const merged = setExecutionRole('services:\n  api:\n    image: api:1\nx-ecs:\n  cpu: 512\n', role)!;
    assert.match(merged, /x-ecs:\n {2}cpu: 512\n {2}executionRoleArn: arn:aws:iam::123456789012:role\/ecsTaskExecutionRole/);
  });

  it('writes the production command as x-ecs.command, which ends the dev-command warning', () => {
    const yaml = 'services:\n  api:\n    image: api:1\n    command: nodemon app.js\n';
    const d = byCode(render(yaml).diagnostics, 'dev-command');
    assert.equal(d.data?.key, 'command');
    const argv = JSON.parse(d.data!.argv) as string[];
    assert.deepEqual(argv, ['node', 'app.js']);
    const out = setServiceExtension(yaml, 'api', [d.data!.key], argv)!;
    assert.match(out, /x-ecs:\n\s+command: \[ node, app\.js \]/);
    const r = ok(out);
    assert.deepEqual(r.container('api').command, ['node', 'app.js']);
    assert.ok(!r.diags.some((x) => x.code === 'dev-command'));
  });

  it('overrides NODE_ENV=development for ECS only (x-ecs.environment), which Compose ignores', () => {
    const yaml = 'services:\n  api:\n    image: api:1\n    environment:\n      NODE_ENV: development\n      PORT: "3000"\n';
    const d = byCode(render(yaml).diagnostics, 'dev-environment');
    assert.deepEqual(d.data, { service: 'api', variable: 'NODE_ENV', value: 'production' });
    assert.match(editorText(d), /x-ecs: \{environment: \{NODE_ENV: production\}\}/);
    const out = setServiceExtension(yaml, 'api', ['environment', d.data!.variable], d.data!.value)!;
    assert.match(out, /NODE_ENV: development/, 'the local setting stays for docker compose');
    const r = ok(out);
    assert.deepEqual(env(r.container('api')), { NODE_ENV: 'production', PORT: '3000' });
    assert.ok(!r.diags.some((x) => x.code === 'dev-environment'));
  });

  it("each framework's own production word", () => {
    const d = byCode(render('services:\n  api:\n    image: api:1\n    environment: [ASPNETCORE_ENVIRONMENT=Development]\n').diagnostics, 'dev-environment');
    assert.equal(d.data?.value, 'Production');
  });

  it('x-ecs.environment must be a mapping of single values', () => {
    const r = render('services:\n  api:\n    image: api:1\n    x-ecs:\n      environment:\n        A: [1, 2]\n');
    assert.ok(r.diagnostics.some((d) => d.severity === 'error' && /x-ecs environment A must be a single value/.test(d.message)));
  });
});
