import { lazyRun, type CliCommand } from '../command';
import { COMPOSE_HELP, COMPOSE_OPTIONS, COMPOSE_USAGE } from './composeArgs';
import { LAUNCH_HELP, LAUNCH_OPTIONS, LAUNCH_USAGE } from './launchArgs';
import { DEFAULT_TIMEOUT } from './rolloutTimeout';

export const upCommand: CliCommand = {
  name: 'up',
  summary: "Create or update the app's infrastructure (one CloudFormation stack) and print its URL",
  usage: `${COMPOSE_USAGE} ${LAUNCH_USAGE} [--yes] [--timeout D]`,
  options: { ...COMPOSE_OPTIONS, ...LAUNCH_OPTIONS, yes: { type: 'boolean', short: 'y' }, timeout: { type: 'string' } },
  help: [
    'Builds and pushes the images of build: services (unless given with --image), renders the',
    "app's CloudFormation stack (see `ecs-deploy template`), and creates it — or updates it through",
    'a change set — after showing each resource it adds, modifies, replaces or removes. Stack events',
    'and, while CloudFormation waits for the service, the rollout are shown on stderr.',
    '',
    ...COMPOSE_HELP,
    ...LAUNCH_HELP,
    '  -y, --yes                   apply without asking (needed without a terminal)',
    `  --timeout D                 how long to follow the stack (default ${DEFAULT_TIMEOUT}), like 90s, 10m, 1h`,
    '',
    "The last stdout line is the service's URL (http://<load balancer>, https:// with a certificate),",
    'or the service ARN without a load balancer. Exit 0 when the stack is CREATE_COMPLETE or',
    'UPDATE_COMPLETE, or nothing changed; 1 on failure (CloudFormation rolls back) or timeout; 2 on',
    'usage errors. Ctrl-C stops following only: the stack operation goes on.',
  ],
  run: lazyRun(() => import('./upRun')),
};
