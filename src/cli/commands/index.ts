import type { CliCommand } from '../command';
import { buildPushCommand } from './buildPush';
import { clustersCommand } from './clusters';
import { deployCommand } from './deploy';
import { downCommand } from './down';
import { logsCommand } from './logs';
import { renderCommand } from './render';
import { rollbackCommand } from './rollback';
import { templateCommand } from './template';
import { upCommand } from './up';

/** Every subcommand, in the order --help lists them. */
export const COMMANDS: readonly CliCommand[] = [clustersCommand, renderCommand, templateCommand, upCommand, downCommand, buildPushCommand, deployCommand, rollbackCommand, logsCommand];
