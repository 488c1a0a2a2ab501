import { lazyRun, type CliCommand } from '../command';
import { DEFAULT_TIMEOUT } from './rolloutTimeout';

export const rollbackCommand: CliCommand = {
  name: 'rollback',
  summary: "Point a service back at an earlier revision of its task definition's family",
  usage: '--cluster C --service S --revision N [--wait] [--timeout D]',
  options: {
    cluster: { type: 'string' },
    service: { type: 'string' },
    revision: { type: 'string' },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  help: [
    '--revision N   the revision of the family the service uses now (no new revision is registered)',
    `--wait         watch the rollout; --timeout D (default ${DEFAULT_TIMEOUT}) like 90s, 10m, 1h`,
    '',
    'The last line of stdout is the ARN of the task definition the service now uses.',
  ],
  run: lazyRun(() => import('./rollbackRun')),
};
