import type { CliCommand } from '../command';
import { clustersCommand } from './clusters';
import { logsCommand } from './logs';

/** Every subcommand, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [clustersCommand, logsCommand];
