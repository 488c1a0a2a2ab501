/** Compose project + launch options → the app's CloudFormation stack: the pure template. */
export { renderStackTemplate, type StackRenderInput, type StackRenderResult, type AppSummary } from './renderStack';
export type { StackTemplate, StackResource, StackParameter, StackOutput } from './cfn';
export { APP_TAG_KEY } from './cfn';
export { stackName } from './names';
export { templateToYaml } from './templateYaml';
export type { StackSecret } from './stackSecrets';
export type { AppNetwork } from './network';
export {
  DEFAULT_CPU_TARGET,
  DEFAULT_LOG_RETENTION_DAYS,
  LAUNCH_OPTION_NAMES,
  launchValueProblem,
  parsePortChoice,
  type LaunchKey,
  type LaunchOptions,
  type PortChoice,
} from './launchOptions';
export { LAUNCH_OPTION_CODE } from './mergedLaunch';
export { AMBIGUOUS_PORT_CODE } from './publicPort';
export { LAUNCH_X_ECS_KEYS, TASK_X_ECS_KEYS } from './launchFromCompose';

import type { ComposeDiagnostic } from '../compose/diagnostics';
import { LAUNCH_OPTION_CODE } from './mergedLaunch';
import { AMBIGUOUS_PORT_CODE } from './publicPort';

/** An error the command line reports as a usage error (exit 2): about the options given, not the compose file. */
export function isUsageDiagnostic(d: ComposeDiagnostic): boolean {
  return d.severity === 'error' && (d.code === LAUNCH_OPTION_CODE || d.code === AMBIGUOUS_PORT_CODE);
}
