import type { DiagnosticBag, SourcePos } from '../compose/diagnostics';
import type { CNode } from '../compose/node';
import { launchFromCompose } from './launchFromCompose';
import { LAUNCH_OPTION_NAMES, launchCombinationProblems, launchValueProblem, type LaunchKey, type LaunchOptions } from './launchOptions';

/**
 * Diagnostic code of errors about options the caller gave (not the compose file), such as a
 * `--port` naming no service: the command line reports them as usage errors (exit 2).
 */
export const LAUNCH_OPTION_CODE = 'launch-option';

/** The launch options in effect (caller's over the compose file's `x-ecs`), each knowing where it came from. */
export class MergedLaunch {
  readonly options: LaunchOptions;
  private readonly positions: Partial<Record<LaunchKey, SourcePos>>;

  constructor(
    given: LaunchOptions,
    xEcs: CNode | undefined,
    private readonly diags: DiagnosticBag,
    /** Where errors about the caller's options point: the project's name line. */
    private readonly projectPos: SourcePos,
  ) {
    const fromFile = launchFromCompose(xEcs, diags);
    const options: LaunchOptions = { ...fromFile.options };
    const positions = { ...fromFile.positions };
    for (const key of Object.keys(LAUNCH_OPTION_NAMES) as LaunchKey[]) {
      const v = given[key];
      if (v === undefined) continue;
      const problem = launchValueProblem(key, v as NonNullable<LaunchOptions[typeof key]>);
      if (problem) {
        diags.error(projectPos, `${LAUNCH_OPTION_NAMES[key].flag} ${problem}`, LAUNCH_OPTION_CODE, { option: key });
        continue;
      }
      (options as Record<string, unknown>)[key] = v;
      delete positions[key];
    }
    // A VPC given on the command line replaces the file's network choice as a whole.
    if (given.vpc !== undefined && given.subnets === undefined && positions.subnets) {
      delete options.subnets;
      delete positions.subnets;
    }
    this.options = options;
    this.positions = positions;
    for (const p of launchCombinationProblems(options, (k) => this.label(k))) this.error(p.keys, p.message);
  }

  /** The x-ecs line an option came from; undefined when the caller gave it (or nobody did). */
  at(key: LaunchKey): SourcePos | undefined {
    return this.positions[key];
  }

  /** How the user wrote the option: `--port` or `x-ecs port`. */
  label(key: LaunchKey): string {
    return this.positions[key] ? `x-ecs ${LAUNCH_OPTION_NAMES[key].xEcs}` : LAUNCH_OPTION_NAMES[key].flag;
  }

  /**
   * An error about options: on the x-ecs line of the first one from the file, else (all from the
   * caller) a usage error; `fallback` is where it points when it is about the project as well.
   */
  error(keys: readonly LaunchKey[], message: string, fallback?: SourcePos): void {
    const present = keys.filter((k) => this.options[k] !== undefined);
    const inFile = present.map((k) => this.positions[k]).find((p) => p !== undefined);
    if (inFile) this.diags.error(inFile, message, 'x-ecs');
    else this.diags.error(fallback ?? this.projectPos, message, LAUNCH_OPTION_CODE, { option: present[0] ?? keys[0] });
  }
}
