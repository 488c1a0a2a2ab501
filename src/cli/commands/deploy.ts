import { lazyRun, type CliCommand } from '../command';
import { DEFAULT_TIMEOUT } from './rolloutTimeout';

export const deployCommand: CliCommand = {
  name: 'deploy',
  summary: 'Deploy a new image, a task-definition file, or restart a service',
  usage: '--cluster C --service S (--image CONTAINER=URI | --task-definition FILE | --force) [--wait] [--timeout D]',
  options: {
    cluster: { type: 'string' },
    service: { type: 'string' },
    image: { type: 'string' },
    'task-definition': { type: 'string' },
    force: { type: 'boolean' },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
  },
  help: [
    '--image CONTAINER=URI   the current revision with that container\'s image replaced (registers a new revision)',
    '--task-definition FILE  register FILE (RegisterTaskDefinition JSON) as its family\'s next revision',
    '--force                 new deployment with the same revision (no new revision)',
    `--wait                  watch the rollout until it COMPLETES or FAILS; --timeout D (default ${DEFAULT_TIMEOUT}) like 90s, 10m, 1h`,
    '',
    'The last line of stdout is the ARN of the task definition the service now uses; rollout lines go to stderr.',
    'Exit 0 when the update was accepted (and, with --wait, the rollout COMPLETED); 1 on FAILED, timeout or error.',
  ],
  run: lazyRun(() => import('./deployRun')),
};
