import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import type { ResolvedConnection } from '../core/connection';
import { DEADLINE_HANDLER_OPTIONS, deadlineExtension } from './deadline';
import { PatientRetryStrategy } from './retryStrategy';

/**
 * The config every SDK v3 client of ours is built with. Any client constructed from it (ECS,
 * ECR, Logs, STS, CloudFormation, …) gets the same deadlines, retries and wording of timeouts.
 */
export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts?: number;
  /** Connect and per-attempt answer deadlines (node-http-handler options). */
  requestHandler: typeof DEADLINE_HANDLER_OPTIONS;
  retryStrategy: RetryStrategyV2;
  extensions: Array<typeof deadlineExtension>;
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
    requestHandler: DEADLINE_HANDLER_OPTIONS,
    retryStrategy: new PatientRetryStrategy(overrides.maxAttempts),
    extensions: [deadlineExtension],
    ...(overrides.maxAttempts !== undefined ? { maxAttempts: overrides.maxAttempts } : {}),
  };
}
