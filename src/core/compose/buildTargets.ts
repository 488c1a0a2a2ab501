import path from 'node:path';
import { DiagnosticBag } from './diagnostics';
import { loadComposeProject, type LoadOptions } from './loadProject';
import { get, isMap, isScalar, isSeq, text, type CNode } from './node';
import { repositoryNameProblem } from '../image/ecrNames';
import { tagProblem } from '../image/imageTags';
import { ecrRepositoryOf, parseImageRef } from '../imageRef';

/** A service that Compose builds locally: what to build, and the ECR repository it goes to. */
export interface BuildTarget {
  readonly service: string;
  readonly contextDir: string;
  readonly dockerfile: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly repository: string;
  /** The ECR image the service's `image:` names, when it does: the build is pushed there. */
  readonly ecrImage?: EcrImage;
}

/** An ECR image URI, <account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag][@digest], in parts. */
export interface EcrImage {
  readonly uri: string;
  readonly registry: string;
  readonly region: string;
  readonly repository: string;
  readonly tag?: string;
}

/**
 * The ECR image an `image:` names, or undefined when it names something else (a Docker Hub
 * name, another registry, the "aws_account_id" placeholder). Next to `build:`, Compose reads
 * `image:` as the name the build produces, so an ECR one is where the build goes.
 */
export function ecrImageOf(image: string | undefined): EcrImage | undefined {
  const ecr = image ? ecrRepositoryOf(image) : undefined;
  if (!image || !ecr || repositoryNameProblem(ecr.repository)) return undefined;
  const { tag, digest } = parseImageRef(image);
  if ((tag !== undefined && tagProblem(tag)) || (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest))) return undefined;
  const region = /^\d{12}\.dkr\.ecr\.([a-z0-9-]+)\./.exec(ecr.registry)![1];
  return { uri: image, registry: ecr.registry, region, repository: ecr.repository, tag };
}

/** The ECR repository a built service's image goes to when its `image:` names none: "<project>-<service>", in ECR's characters. */
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
    const ecrImage = ecrImageOf(text(get(svc, 'image')));
    const dockerfile = path.resolve(contextDir, (isMap(build) && text(get(build, 'dockerfile'))) || 'Dockerfile');
    targets.push({
      service,
      contextDir,
      dockerfile,
      buildArgs: isMap(build) ? buildArgsOf(get(build, 'args')) : {},
      target: isMap(build) ? text(get(build, 'target')) : undefined,
      repository: ecrImage?.repository ?? buildRepositoryName(project.name, service),
      ...(ecrImage && { ecrImage }),
    });
  }
  return targets;
}
