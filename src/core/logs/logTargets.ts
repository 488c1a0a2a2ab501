import { UserError } from '../userError';
import { familyOf } from '../arns';

/** The parts of a container definition that say where its logs go (structurally the ECS API's shape). */
export interface ContainerLogSettings {
  readonly name?: string;
  readonly logConfiguration?: { readonly logDriver?: string; readonly options?: Readonly<Record<string, string>> };
}

/** Where one container of a task definition writes: group and stream prefix of the awslogs driver. */
export interface LogTarget {
  readonly container: string;
  readonly group: string;
  readonly prefix: string;
  /** awslogs-region, when the task definition names one. */
  readonly region?: string;
}

export interface ResolvedLogTargets {
  readonly targets: LogTarget[];
  /** One sentence per container whose logs cannot be followed, each saying how to fix it. */
  readonly problems: string[];
}

const suggestedGroup = (family: string) => `/ecs/${family}`;

function howToAdd(family: string, container: string): string {
  const cfg = {
    logDriver: 'awslogs',
    options: { 'awslogs-group': suggestedGroup(family), 'awslogs-region': '<region>', 'awslogs-stream-prefix': container, 'awslogs-create-group': 'true' },
  };
  return `add to its container definition "logConfiguration": ${JSON.stringify(cfg)} and deploy a new revision`;
}

/**
 * The log targets of a task definition's containers (all, or only `container`). A container
 * without awslogs (or without a stream prefix, whose streams are named after Docker ids ECS does
 * not report) becomes a problem sentence; asking for a container the task lacks is a UserError.
 */
export function resolveLogTargets(
  taskDefinition: string,
  containers: readonly ContainerLogSettings[],
  container?: string,
): ResolvedLogTargets {
  const family = familyOf(taskDefinition);
  const named = containers.filter((c): c is ContainerLogSettings & { name: string } => Boolean(c.name));
  const chosen = container === undefined ? named : named.filter((c) => c.name === container);
  if (container !== undefined && chosen.length === 0) {
    throw new UserError(
      `Task definition ${taskDefinition} has no container "${container}" — its containers are: ${named.map((c) => c.name).join(', ') || 'none'}`,
    );
  }
  const targets: LogTarget[] = [];
  const problems: string[] = [];
  for (const c of chosen) {
    const cfg = c.logConfiguration;
    const options = cfg?.options ?? {};
    if (cfg?.logDriver !== 'awslogs' || !options['awslogs-group']) {
      const driver = cfg?.logDriver ? `uses the "${cfg.logDriver}" log driver` : 'has no log configuration';
      problems.push(`Container "${c.name}" of ${taskDefinition} ${driver}, so its output is not in CloudWatch Logs — ${howToAdd(family, c.name)}.`);
      continue;
    }
    if (!options['awslogs-stream-prefix']) {
      problems.push(
        `Container "${c.name}" of ${taskDefinition} has no "awslogs-stream-prefix", so its streams are named after Docker container ids that ECS does not report — add "awslogs-stream-prefix": "${c.name}" to its logConfiguration options.`,
      );
      continue;
    }
    targets.push({ container: c.name, group: options['awslogs-group'], prefix: options['awslogs-stream-prefix'], region: options['awslogs-region'] });
  }
  return { targets, problems };
}
