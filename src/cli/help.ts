import type { CliCommand } from './command';

const GLOBAL_HELP = [
  'Global options (also read from the environment):',
  '  --profile NAME                 AWS profile (AWS_PROFILE); for render, a Compose profile',
  '  --region REGION                AWS region (AWS_REGION)',
  '  --endpoint URL                 custom AWS endpoint, e.g. LocalStack or moto (ECS_DEPLOY_ENDPOINT)',
  '  --ecr-registry-address HOST:PORT  registry that replaces the address ECR reports (ECS_DEPLOY_ECR_REGISTRY_ADDRESS)',
  '  -h, --help                     show help',
  '  --version                      print the version',
  '',
  'Results go to stdout, progress and diagnostics to stderr.',
  'Exit status: 0 success, 1 failure, 2 usage error.',
];

export function mainHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: ecs-deploy <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    ...GLOBAL_HELP,
    '',
    "Run 'ecs-deploy <command> --help' for a command's options.",
  ].join('\n');
}

export function commandHelp(c: CliCommand): string {
  return [`Usage: ecs-deploy ${c.name} ${c.usage}`.trimEnd(), '', c.summary + '.', '', ...c.help, '', ...GLOBAL_HELP].join('\n');
}
