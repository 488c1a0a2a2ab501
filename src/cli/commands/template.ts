import { lazyRun, type CliCommand } from '../command';
import { COMPOSE_HELP, COMPOSE_OPTIONS, COMPOSE_USAGE } from './composeArgs';
import { LAUNCH_HELP, LAUNCH_OPTIONS, LAUNCH_USAGE } from './launchArgs';

export const templateCommand: CliCommand = {
  name: 'template',
  summary: "Print the app's CloudFormation template (YAML), the stack `up` deploys",
  usage: `${COMPOSE_USAGE} ${LAUNCH_USAGE} [-o OUT]`,
  options: {
    ...COMPOSE_OPTIONS,
    ...LAUNCH_OPTIONS,
    output: { type: 'string', short: 'o' },
  },
  help: [
    'Renders the compose project as `render` does (the same rules and findings) and the stack around',
    'it: the task definition, its execution role and log group, the Fargate service, security groups,',
    'the load balancer, an EFS file system per named volume, auto scaling. It never calls AWS: the VPC',
    'and subnets are parameters `up` fills, account and region are pseudo parameters, and secret-looking',
    'variables are read from SSM Parameter Store (`up` stores them), never written into the template.',
    'The options win over the top-level x-ecs of the compose file.',
    '',
    ...COMPOSE_HELP,
    ...LAUNCH_HELP,
    '  -o, --output OUT            write the YAML to OUT instead of stdout',
    '',
    'Findings go to stderr, one per line: PATH:LINE:COL: error|warning|info: message.',
    'Exit status: 0 no errors (warnings allowed), 1 errors (nothing written), 2 usage error.',
  ],
  run: lazyRun(() => import('./templateRun')),
};
