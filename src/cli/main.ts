import { resolveConnectionFromFiles } from '../aws/connection';
import { isAbortError } from '../core/abort';
import { validateEndpoint } from '../core/connection';
import { UserError, userMessage } from '../core/userError';
import { connectionSettingsFrom, parseCommandLine, UsageError } from './args';
import type { CliCommand } from './command';
import { COMMANDS } from './commands/index';
import { commandHelp, mainHelp } from './help';
import { stderrLogger, type CliIo } from './io';
import { cliVersion } from './version';

/** Runs one command line and returns the exit status; never throws, never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const log = stderrLogger(io);
  try {
    const allOptions = Object.assign({}, ...commands.map((c) => c.options)) as CliCommand['options'];
    const first = parseCommandLine(argv, allOptions);
    if (first.values.version && !first.command) {
      io.stdout(cliVersion);
      return 0;
    }
    if (!first.command) {
      if (first.values.help) {
        io.stdout(mainHelp(commands));
        return 0;
      }
      throw new UsageError('no command given');
    }
    const command = commands.find((c) => c.name === first.command);
    if (!command) throw new UsageError(`unknown command '${first.command}'`);
    // Parse again with only this command's options, so another command's option is refused.
    const args = parseCommandLine(argv, command.options);
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const settings = connectionSettingsFrom(args.values, io.env);
    const endpointProblem = validateEndpoint(settings.endpoint?.trim() || undefined);
    if (endpointProblem) throw new UsageError(endpointProblem);
    return await command.run({ io, log, args, connection: () => resolveConnectionFromFiles(settings, io.env) });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`ecs-deploy: ${err.message}`);
      io.stderr("Run 'ecs-deploy --help' for usage.");
      return 2;
    }
    if (isAbortError(err) || io.signal.aborted) {
      io.stderr('ecs-deploy: interrupted');
      return 130;
    }
    const message = userMessage(err);
    io.stderr(`ecs-deploy: error: ${message}`);
    if (io.env.ECS_DEPLOY_DEBUG) {
      // The raw failure (SDK class, Node code, stack) is for debugging only.
      const detail = err instanceof UserError && err.detail !== undefined ? err.detail : err;
      io.stderr(`debug: ${String((detail as Error)?.stack ?? detail)}`);
    }
    return 1;
  }
}
