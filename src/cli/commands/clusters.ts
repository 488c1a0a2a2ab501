import { lazyRun, type CliCommand } from '../command';

export const clustersCommand: CliCommand = {
  name: 'clusters',
  summary: 'List the ECS clusters of the account and region',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  help: [
    'Prints one cluster per line: NAME<TAB>STATUS<TAB>RUNNING<TAB>PENDING<TAB>SERVICES,',
    'sorted by name. With --json, a JSON array of {name, arn, status, runningTasks,',
    'pendingTasks, activeServices, capacityProviders}.',
  ],
  run: lazyRun(() => import('./clustersRun')),
};
