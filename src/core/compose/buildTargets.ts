import path from 'node:path';
import { DiagnosticBag } from './diagnostics';
import { loadComposeProject, type LoadOptions } from './loadProject';
import { get, isMap, isScalar, isSeq, text, type CNode } from './node';

/** A service that Compose builds locally: what to build, and the ECR repository it goes to. */
export interface BuildTarget {
  readonly service: string;
  readonly contextDir: string;
  readonly dockerfile: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly repository: string;
}

/** The ECR repository a built service's image goes to: "<project>-<service>", in ECR's characters. */
export function buildRepositoryName(projectName: string, service: string): string {
  return `${projectName}-${service}`.toLowerCase().replace(/[^a-z0-9._/-]/g, '-');
}

function buildArgsOf(node: CNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(node)) {
    for (const [k, e] of node.entries) if (isScalar(e.value) && e.value.value !== null) out[k] = String(e.value.value);
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const t = text(item);
      const eq = t?.indexOf('=') ?? -1;
      if (t && eq > 0) out[t.slice(0, eq)] = t.slice(eq + 1);
    }
  }
  return out;
}

/** Every enabled service with `build:` (short or long form), paths resolved from the project directory. */
export function listBuildTargets(opts: LoadOptions): BuildTarget[] {
  const project = loadComposeProject(opts, new DiagnosticBag());
  if (!project) return [];
  const targets: BuildTarget[] = [];
  for (const [service, svc] of project.services) {
    const build = get(svc, 'build');
    if (!build) continue;
    const context = isMap(build) ? (text(get(build, 'context')) ?? '.') : (text(build) ?? '.');
    const contextDir = path.resolve(project.projectDirectory, context);
    const dockerfile = path.resolve(contextDir, (isMap(build) && text(get(build, 'dockerfile'))) || 'Dockerfile');
    targets.push({
      service,
      contextDir,
      dockerfile,
      buildArgs: isMap(build) ? buildArgsOf(get(build, 'args')) : {},
      target: isMap(build) ? text(get(build, 'target')) : undefined,
      repository: buildRepositoryName(project.name, service),
    });
  }
  return targets;
}
