import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { DiagnosticBag } from '../compose/diagnostics';
import { get } from '../compose/node';
import type { RenderDetails } from '../compose/renderTask';
import { parsePortChoice } from './launchOptions';
import type { MergedLaunch } from './mergedLaunch';

/** Diagnostic code when several services publish ports and none is chosen: the CLI makes it a usage error. */
export const AMBIGUOUS_PORT_CODE = 'public-port-ambiguous';

export interface PublicPort {
  /** The compose service, and its container's name in the task. */
  readonly service: string;
  readonly container: string;
  readonly port: number;
}

const tcpPorts = (details: RenderDetails, service: string): number[] =>
  (details.services.get(service)?.ports ?? []).filter((p) => (p.mapping.protocol ?? 'tcp') === 'tcp').map((p) => p.mapping.containerPort!);

/**
 * The container and port the load balancer sends traffic to: `--port`/x-ecs port, else the one
 * service that publishes ports (its first container port); none → a private service.
 */
export function choosePublicPort(details: RenderDetails, launch: MergedLaunch, diags: DiagnosticBag): PublicPort | undefined {
  const chosen = launch.options.port;
  const containerOf = (service: string) => details.services.get(service)?.container.name ?? service;
  if (chosen !== undefined) {
    const choice = parsePortChoice(chosen);
    if (!choice || choice === 'none') return undefined;
    const svc = details.project.services.get(choice.service);
    if (!svc) {
      const known = [...details.project.services.keys()].join(', ');
      launch.error(['port'], `${launch.label('port')} names service "${choice.service}", which is not an enabled service of the project (${known})`);
      return undefined;
    }
    const ports = tcpPorts(details, choice.service);
    if (!ports.includes(choice.port)) {
      const what = ports.length ? `its container ports are ${ports.join(', ')}` : `it has no "ports"; add - "${choice.port}" to it`;
      launch.error(['port'], `${launch.label('port')} ${chosen}: "${choice.service}" does not listen on ${choice.port} (${what}; give the container port, not a published host port)`, get(svc, 'ports')?.pos ?? svc.pos);
      return undefined;
    }
    return { service: choice.service, container: containerOf(choice.service), port: choice.port };
  }
  const candidates = [...details.services.keys()].filter((s) => tcpPorts(details, s).length > 0);
  if (candidates.length === 0) {
    diags.info(details.project.namePos, 'no service publishes a port: the app is a private service, without a load balancer (--port SERVICE:CONTAINER_PORT adds one)', 'public-port');
    return undefined;
  }
  const first = candidates[0];
  const at = get(details.project.services.get(first), 'ports')!.pos;
  if (candidates.length > 1) {
    const named = candidates.map((s) => `${s}:${tcpPorts(details, s)[0]}`).join(', ');
    diags.error(at, `several services publish ports (${named}): choose the one the load balancer serves with --port SERVICE:CONTAINER_PORT (or x-ecs port), e.g. --port ${named.split(', ')[0]}`, AMBIGUOUS_PORT_CODE, { candidates: candidates.join(',') });
    return undefined;
  }
  const port = tcpPorts(details, first)[0];
  diags.info(at, `the load balancer serves ${first}:${port}, the only service that publishes a port`, 'public-port');
  return { service: first, container: containerOf(first), port };
}

const LOCAL_URL = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?(\/[^\s'"|;&)]*)?/;

/** The path a container's own health check requests (`curl -f http://localhost:5000/healthz` → /healthz) on `port`. */
export function healthCheckPathOf(command: readonly string[] | undefined, port: number): string | undefined {
  if (!command) return undefined;
  const m = LOCAL_URL.exec(command.slice(1).join(' '));
  if (!m || (m[1] !== undefined && Number(m[1]) !== port)) return undefined;
  return m[2] || '/';
}

/** `--health-check-path`/x-ecs, else the path of the public container's own health check, else `/`. */
export function chooseHealthCheckPath(publicPort: { service: string; port: number }, container: ContainerDefinition | undefined, launch: MergedLaunch, diags: DiagnosticBag, details: RenderDetails): string {
  if (launch.options.healthCheckPath) return launch.options.healthCheckPath;
  const svc = details.project.services.get(publicPort.service);
  const at = get(svc, 'healthcheck')?.pos ?? get(svc, 'ports')?.pos ?? details.project.namePos;
  const own = healthCheckPathOf(container?.healthCheck?.command, publicPort.port);
  if (own) {
    diags.info(at, `the load balancer checks ${own} on ${publicPort.service}:${publicPort.port}, the path of its own health check`, 'health-check-path');
    return own;
  }
  diags.info(at, `the load balancer checks / on ${publicPort.service}:${publicPort.port} (answers 200–399 are healthy); --health-check-path PATH chooses another`, 'health-check-path');
  return '/';
}
