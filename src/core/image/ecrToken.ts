import { registryHost } from './ecrNames';

export interface RegistryLogin {
  readonly username: string;
  readonly password: string;
  /** host[:port] that the login is for. */
  readonly registry: string;
}

/** ECR's authorizationToken is base64("AWS:<password>"); proxyEndpoint is https://<registry>. */
export function decodeEcrToken(token: string, proxyEndpoint: string): RegistryLogin {
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new Error('ECR returned an authorization token that is not "user:password"');
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), registry: registryHost(proxyEndpoint) };
}
