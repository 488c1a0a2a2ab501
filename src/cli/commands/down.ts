import { lazyRun, type CliCommand } from '../command';
import { COMPOSE_HELP, COMPOSE_OPTIONS, COMPOSE_USAGE } from './composeArgs';
import { DEFAULT_TIMEOUT } from './rolloutTimeout';

export const downCommand: CliCommand = {
  name: 'down',
  summary: "Delete the app's stack; its data (EFS file systems) is kept unless --delete-data",
  usage: `${COMPOSE_USAGE} [--service NAME] [--cluster NAME] [--delete-data] [--yes] [--timeout D]`,
  options: {
    ...COMPOSE_OPTIONS,
    service: { type: 'string' },
    cluster: { type: 'string' },
    'delete-data': { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    timeout: { type: 'string' },
  },
  help: [
    "Finds the app's stack by --service and --cluster, else from the compose file (x-ecs, or the",
    'names `up` would use), deletes it and follows its events. The EFS file systems holding the',
    "app's data and a cluster the stack made are kept and named; images in ECR are never deleted.",
    '',
    ...COMPOSE_HELP,
    '  --service NAME --cluster NAME  the app, without reading a compose file',
    '  --delete-data               also delete the EFS file systems (the data is gone for good)',
    '  -y, --yes                   delete without asking (needed without a terminal)',
    `  --timeout D                 how long to follow the deletion (default ${DEFAULT_TIMEOUT})`,
    '',
    'Exit 0 when deleted; 1 when there is no such app or the deletion failed; 2 on usage errors.',
  ],
  run: lazyRun(() => import('./downRun')),
};
