import Docker from 'dockerode';

/** Where the engine listens: DOCKER_HOST when given, else the platform's default socket. */
export function dockerHostOf(env: Readonly<Record<string, string | undefined>>): string {
  return env.DOCKER_HOST?.trim() || (process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock');
}

/** A dockerode client for a DOCKER_HOST-style address (unix://, npipe://, tcp://, http://). */
export function createDockerClient(host: string): Docker {
  if (host.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
  if (host.startsWith('npipe://')) return new Docker({ socketPath: host.slice('npipe://'.length) });
  if (!/^(tcp|http|https):\/\//.test(host)) {
    throw new DockerEngineError(`The Docker engine address "${host}" is not supported — use unix://, npipe://, tcp:// or http(s)://`);
  }
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return new Docker({ host: url.hostname, port: Number(url.port || 2375), protocol: url.protocol === 'https:' ? 'https' : 'http' });
}

export interface EngineInfo {
  readonly version: string;
  readonly apiVersion: string;
  readonly os: string;
  readonly arch: string;
}

/** Asks the engine who it is; a daemon that is down becomes a message that says so. */
export async function describeEngine(docker: Docker, host: string): Promise<EngineInfo> {
  try {
    const v = await docker.version();
    return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
  } catch (err) {
    throw engineUnreachable(err, host);
  }
}

export class DockerEngineError extends Error {
  override name = 'DockerEngineError';
}

/** Connection failures get the sentence the user needs; anything else keeps its own message. */
export function engineUnreachable(err: unknown, host: string): Error {
  const code = (err as { code?: string } | undefined)?.code;
  if (code && ['ENOENT', 'ECONNREFUSED', 'EACCES', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) {
    const why = code === 'EACCES' ? ' — permission denied on the socket; is your user in the docker group?' : ' — is it running?';
    return new DockerEngineError(`Cannot connect to the Docker engine at ${host}${why}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}
