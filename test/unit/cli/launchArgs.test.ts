import * as assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../../src/cli/args';
import { LAUNCH_OPTIONS, parseLaunchArgs } from '../../../src/cli/commands/launchArgs';
import { templateCommand } from '../../../src/cli/commands/template';

const parse = (...argv: string[]) => parseLaunchArgs(parseCommandLine(['template', ...argv], LAUNCH_OPTIONS).values);

describe('INFRA options (template, up)', () => {
  it('turns the flags into launch options; absent flags are absent', () => {
    assert.deepEqual(parse(), {});
    assert.deepEqual(
      parse('--service', 'web', '--cluster', 'prod', '--vpc', 'vpc-0123456789abcdef0', '--subnets', 'subnet-01234567, subnet-89abcdef', '--port', 'web:8080',
        '--health-check-path', '/ping', '--certificate-arn', 'arn:aws:acm:us-east-1:123456789012:certificate/abc-1', '--desired', '2', '--min', '1', '--max', '4',
        '--cpu-target', '60%', '--ephemeral', 'cache', '--ephemeral', 'tmp,scratch'),
      {
        service: 'web', cluster: 'prod', vpc: 'vpc-0123456789abcdef0', subnets: ['subnet-01234567', 'subnet-89abcdef'], port: 'web:8080', healthCheckPath: '/ping',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-1', desired: 2, min: 1, max: 4, cpuTarget: 60, ephemeral: ['cache', 'tmp', 'scratch'],
      },
    );
    assert.deepEqual(parse('--vpc', 'new', '--port', 'none'), { vpc: 'new', port: 'none' });
  });

  it('a value that cannot be right is a usage error that names the option', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--desired', 'two'], /^--desired takes a whole number, not 'two'$/],
      [['--max', '0'], /^--max must be a whole number of tasks from 1 to 5000/],
      [['--cpu-target', 'high'], /^--cpu-target takes a CPU percentage/],
      [['--cpu-target', '150'], /^--cpu-target must be a CPU percentage above 0 and at most 100/],
      [['--vpc', 'mine'], /^--vpc must be default, new or a VPC id/],
      [['--subnets', 'subnet-01234567'], /^--subnets takes exactly two subnets/],
      [['--subnets', 'sn-1,sn-2'], /^--subnets takes subnet ids \(subnet-…\), not 'sn-1'/],
      [['--port', '3000'], /^--port must be SERVICE:CONTAINER_PORT \(the port the container listens on/],
      [['--port', 'web:70000'], /^--port must be SERVICE:CONTAINER_PORT/],
      [['--health-check-path', 'healthz'], /^--health-check-path must be a URL path starting with "\/"/],
      [['--certificate-arn', 'cert'], /^--certificate-arn must be an ACM certificate ARN/],
      [['--service', 'my service'], /^--service must be 1–255 letters, digits/],
    ];
    for (const [argv, re] of cases) assert.throws(() => parse(...argv), (e: Error) => e instanceof UsageError && re.test(e.message), argv.join(' '));
  });

  it('template takes COMPOSE, INFRA and -o, and no option of render beyond them', () => {
    const names = Object.keys(templateCommand.options).sort();
    assert.deepEqual(names, ['certificate-arn', 'cluster', 'cpu-target', 'desired', 'env-file', 'ephemeral', 'family', 'file', 'health-check-path', 'image', 'max', 'min', 'output', 'port', 'profile', 'project-directory', 'service', 'subnets', 'vpc']);
    assert.throws(() => parseCommandLine(['template', '--launch-type', 'ec2'], templateCommand.options), UsageError);
  });
});
