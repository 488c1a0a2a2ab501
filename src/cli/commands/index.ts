import type { CliCommand } from '../command';
import { clustersCommand } from './clusters';
import { renderCommand } from './render';

/** Every subcommand, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [clustersCommand, renderCommand];
