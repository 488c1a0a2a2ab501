import { lazyRun, type CliCommand } from '../command';

export const DEFAULT_SINCE = '10m';

/**
 * `ecs-deploy logs` — a contract other tools rely on: stdout carries exactly one line per log
 * event, `HH:MM:SS.mmm <container> <short task id> | <message>` (local time); everything else
 * goes to stderr. With --follow it runs until interrupted and then exits 0.
 */
export const logsCommand: CliCommand = {
  name: 'logs',
  summary: "Print (and follow) a service's container logs from CloudWatch Logs",
  usage: '--cluster C --service S [--container NAME] [--since 10m] [--follow]',
  options: {
    cluster: { type: 'string' },
    service: { type: 'string' },
    container: { type: 'string' },
    since: { type: 'string' },
    follow: { type: 'boolean', short: 'f' },
  },
  help: [
    'Options:',
    '  --cluster C        the service\'s cluster (required)',
    '  --service S        the service (required); its tasks\' streams come from the task',
    '                     definition\'s awslogs configuration (prefix/container/taskId)',
    '  --container NAME   only this container',
    `  --since D          start this far back: 90s, 10m, 1h, 2d (default ${DEFAULT_SINCE})`,
    '  -f, --follow       keep printing new lines, also of tasks that start meanwhile,',
    '                     until interrupted (Ctrl-C), then exit 0',
    '',
    'Prints one event per line, in timestamp order, in local time:',
    '  HH:MM:SS.mmm <container> <short task id> | <message>',
    'The message is everything after the first " | ", as the container wrote it.',
  ],
  run: lazyRun(() => import('./logsRun')),
};
