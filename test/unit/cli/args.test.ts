import * as assert from 'node:assert/strict';
import { connectionSettingsFrom, parseCommandLine, UsageError } from '../../../src/cli/args';
import type { CliCommand } from '../../../src/cli/command';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';

function capture(env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, signal: new AbortController().signal };
}

describe('CLI arguments', () => {
  it('takes global options before or after the command', () => {
    const a = parseCommandLine(['--region', 'eu-west-1', 'clusters', '--json'], { json: { type: 'boolean' } });
    assert.equal(a.command, 'clusters');
    assert.equal(a.values.region, 'eu-west-1');
    assert.equal(a.values.json, true);
    const b = parseCommandLine(['clusters', '--profile=dev'], {});
    assert.equal(b.values.profile, 'dev');
  });

  it('refuses unknown options as a usage error', () => {
    assert.throws(() => parseCommandLine(['clusters', '--nope'], {}), UsageError);
  });

  it('options win over the environment variables that mirror them', () => {
    const env = {
      AWS_PROFILE: 'envp',
      AWS_REGION: 'us-west-2',
      ECS_DEPLOY_ENDPOINT: 'http://env:1',
      ECS_DEPLOY_ECR_REGISTRY_ADDRESS: '127.0.0.1:5001',
    };
    assert.deepEqual(connectionSettingsFrom({}, env), {
      profile: 'envp',
      region: 'us-west-2',
      endpoint: 'http://env:1',
      ecrRegistryAddress: '127.0.0.1:5001',
    });
    assert.deepEqual(connectionSettingsFrom({ profile: 'p', region: 'r', endpoint: 'http://o:2', 'ecr-registry-address': 'h:3' }, env), {
      profile: 'p',
      region: 'r',
      endpoint: 'http://o:2',
      ecrRegistryAddress: 'h:3',
    });
  });
});

describe('runCli', () => {
  const echo: CliCommand = {
    name: 'echo',
    summary: 'Print the resolved region',
    usage: '[--loud]',
    options: { loud: { type: 'boolean' } },
    help: ['Prints the region.'],
    run: async ({ io, connection, args }) => {
      const c = await connection();
      io.stdout(args.values.loud ? c.region.toUpperCase() : c.region);
      return 0;
    },
  };
  const failing: CliCommand = { ...echo, name: 'fail', options: {}, run: async () => Promise.reject(new Error('it broke\n  at x.js:1')) };

  it('--version prints the version alone on stdout', async () => {
    const io = capture();
    assert.equal(await runCli(['--version'], io, [echo]), 0);
    assert.equal(io.out.length, 1);
    assert.match(io.out[0], /^(\d+\.\d+\.\d+|dev)$/);
  });

  it('usage errors exit 2 with a pointer to --help on stderr, nothing on stdout', async () => {
    for (const argv of [[], ['nope'], ['echo', '--bogus'], ['echo', '--endpoint', 'localhost:1']]) {
      const io = capture();
      assert.equal(await runCli(argv, io, [echo]), 2, argv.join(' '));
      assert.deepEqual(io.out, []);
      assert.match(io.err.at(-1) ?? '', /ecs-deploy --help/);
    }
  });

  it("a command's own options are refused by other commands", async () => {
    const io = capture();
    assert.equal(await runCli(['fail', '--loud'], io, [echo, failing]), 2);
  });

  it('passes options and environment through to the command', async () => {
    const io = capture({ AWS_REGION: 'eu-north-1' });
    assert.equal(await runCli(['echo', '--loud'], io, [echo]), 0);
    assert.deepEqual(io.out, ['EU-NORTH-1']);
  });

  it('failures exit 1 with one line on stderr and no stack trace', async () => {
    const io = capture();
    assert.equal(await runCli(['fail'], io, [echo, failing]), 1);
    assert.deepEqual(io.err, ['ecs-deploy: error: it broke']);
  });

  it('--help lists the commands and the global options', async () => {
    const io = capture();
    assert.equal(await runCli(['--help'], io, [echo]), 0);
    assert.match(io.out[0], /echo\s+Print the resolved region/);
    assert.match(io.out[0], /--ecr-registry-address HOST:PORT/);
    const sub = capture();
    assert.equal(await runCli(['echo', '--help'], sub, [echo]), 0);
    assert.match(sub.out[0], /^Usage: ecs-deploy echo \[--loud\]/);
  });
});
