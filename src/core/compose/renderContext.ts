import type { DiagnosticBag } from './diagnostics';
import type { ComposeProject, FileReader } from './loadProject';
import type { EnvMap } from './interpolate';
import type { CMap } from './node';

export type LaunchType = 'FARGATE' | 'EC2';
export type CpuArchitecture = 'X86_64' | 'ARM64';

/** What the caller decides (CLI flags, extension settings); all optional except the region. */
export interface RenderOptions {
  readonly family?: string;
  readonly launchType?: LaunchType;
  readonly cpuArchitecture?: CpuArchitecture;
  readonly executionRoleArn?: string;
  readonly taskRoleArn?: string;
  readonly region: string;
  readonly logGroup?: string;
  /** --image SERVICE=URI */
  readonly images?: Readonly<Record<string, string>>;
  /** AWS account id when known, for ECR image URIs and the default execution role. */
  readonly accountId?: string;
}

/** Everything the per-service rules read. */
export interface ServiceContext {
  readonly name: string;
  readonly svc: CMap;
  readonly project: ComposeProject;
  readonly opts: RenderOptions;
  readonly diags: DiagnosticBag;
  readonly env: EnvMap;
  readonly readFile: FileReader;
  /** Every name another container may be reached by (service names, container_name, aliases). */
  readonly hosts: ReadonlySet<string>;
  readonly launchType: LaunchType;
  /** The service's `x-ecs` block, if any. */
  readonly xEcs?: CMap;
}

/** Relative paths in the main files are relative to the project directory; in an `extends` file, to that file. */
export function baseDirFor(ctx: Pick<ServiceContext, 'project'>, file: string): string {
  return ctx.project.mainFiles.has(file) ? ctx.project.projectDirectory : dirname(file);
}

function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i <= 0 ? p.slice(0, i + 1) || '.' : p.slice(0, i);
}
