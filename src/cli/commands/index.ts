import type { CliCommand } from '../command';
import { buildPushCommand } from './buildPush';
import { clustersCommand } from './clusters';

/** Every subcommand, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [clustersCommand, buildPushCommand];
