import type { ParseArgsConfig } from 'node:util';
import type { ResolvedConnection } from '../core/connection';
import type { Logger } from '../core/logger';
import type { ParsedCommandLine } from './args';
import type { CliIo } from './io';

/** One subcommand of `ecs-deploy`; registered in commands/index.ts. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Usage line after "ecs-deploy <name>", e.g. "[--json]". */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Extra help lines describing the options and the output. */
  readonly help: readonly string[];
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly log: Logger;
  readonly args: ParsedCommandLine;
  /** Resolves profile/region from options, environment and ~/.aws/config. */
  readonly connection: () => Promise<ResolvedConnection>;
}

/**
 * A command body loaded on first use: `ecs-deploy build-push` then loads only what build-push
 * needs (not the ECS or CloudWatch clients), which is most of its start-up time.
 */
export function lazyRun(load: () => Promise<{ run(ctx: CommandContext): Promise<number> }>): CliCommand['run'] {
  return async (ctx) => (await load()).run(ctx);
}
