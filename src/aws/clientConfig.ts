import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { ResolvedConnection } from '../core/connection';

/** The config every SDK v3 client of ours is built with. */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts?: number;
  retryMode?: string;
}

/**
 * Credentials always come from the SDK's default provider chain for the chosen profile
 * (shared files, SSO, process, container/instance roles) — never from settings.
 */
export function awsClientConfig(
  conn: ResolvedConnection,
  overrides: { credentials?: AwsCredentialIdentityProvider; maxAttempts?: number } = {},
): AwsClientConfig {
  return {
    region: conn.region,
    ...(conn.endpoint ? { endpoint: conn.endpoint } : {}),
    credentials: overrides.credentials ?? fromNodeProviderChain(conn.profile ? { profile: conn.profile } : {}),
    // Adaptive retry backs off on throttling and transient errors across the client's calls.
    retryMode: 'adaptive',
    ...(overrides.maxAttempts !== undefined ? { maxAttempts: overrides.maxAttempts } : {}),
  };
}
