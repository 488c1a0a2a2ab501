import { renderTaskWithDetails, type RenderInput } from '../compose/renderTask';
import { databaseOf } from './databases';
import type { LaunchOptions } from './launchOptions';
import { AMBIGUOUS_PORT_CODE, healthCheckPathOf } from './publicPort';
import { renderStackTemplate, type AppSummary } from './renderStack';

/** A container port a load balancer could serve. */
export interface PortCandidate {
  readonly service: string;
  readonly port: number;
  /** The path the container's own compose health check requests on this port, if any. */
  readonly healthCheckPath?: string;
}

export interface VolumeChoice {
  readonly name: string;
  /** Containers that mount it writable. */
  readonly writers: readonly string[];
  /** 'mongo', 'postgres', … when a database writes it. */
  readonly database?: string;
}

/** What the editor's Launch steps offer, with the compose file's x-ecs and the defaults filled in. */
export interface LaunchChoices {
  /** The app as `up` would launch it with the given answers (undefined when they do not render). */
  readonly app?: AppSummary;
  readonly ports: readonly PortCandidate[];
  readonly volumes: readonly VolumeChoice[];
  /** Errors of the project itself (not of the answers), e.g. a broken compose file. */
  readonly errors: readonly string[];
}

/**
 * Reads a compose project for the Launch steps: every TCP container port a load balancer could
 * serve, every named volume and whether a database writes it, and the app with the answers
 * so far (x-ecs, then defaults). Pure, fast: called again after each answer.
 */
export function launchChoices(input: RenderInput, answers: LaunchOptions): LaunchChoices {
  const task = renderTaskWithDetails(input);
  const details = task.details;
  const ports: PortCandidate[] = [];
  const volumes = new Map<string, { writers: string[]; database?: string }>();
  for (const [service, r] of details?.services ?? []) {
    const c = r.container;
    for (const p of r.ports) {
      if ((p.mapping.protocol ?? 'tcp') !== 'tcp' || p.mapping.containerPort === undefined) continue;
      ports.push({ service, port: p.mapping.containerPort, healthCheckPath: healthCheckPathOf(c.healthCheck?.command, p.mapping.containerPort) });
    }
    for (const m of c.mountPoints ?? []) {
      if (!m.sourceVolume) continue;
      const v = volumes.get(m.sourceVolume) ?? { writers: [] };
      if (!m.readOnly) {
        v.writers.push(service);
        v.database ??= databaseOf(c.image);
      }
      volumes.set(m.sourceVolume, v);
    }
  }
  let stack = renderStackTemplate({ ...input, launch: answers });
  // Several published ports and no answer yet: the first one stands in, so the other defaults show.
  if (!stack.app && answers.port === undefined && stack.diagnostics.some((d) => d.code === AMBIGUOUS_PORT_CODE) && ports[0]) {
    stack = renderStackTemplate({ ...input, launch: { ...answers, port: `${ports[0].service}:${ports[0].port}` } });
  }
  const errors = task.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  return {
    app: stack.app,
    ports,
    volumes: [...volumes].map(([name, v]) => ({ name, writers: v.writers, ...(v.database ? { database: v.database } : {}) })),
    errors,
  };
}

/** The first error the answers cause (the database trap, a bad value), for the step that set them. */
export function launchProblem(input: RenderInput, answers: LaunchOptions): string | undefined {
  const stack = renderStackTemplate({ ...input, launch: answers });
  return stack.diagnostics.find((d) => d.severity === 'error')?.message;
}
