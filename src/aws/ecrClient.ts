import { ECRClient } from '@aws-sdk/client-ecr';
import type { ResolvedConnection } from '../core/connection';
import { awsClientConfig } from './clientConfig';

/**
 * An ECR client alone, for callers that need nothing else of AWS (`ecs-deploy build-push`):
 * loading one SDK client instead of four is most of that command's start-up.
 */
export function ecrClientFor(connection: ResolvedConnection): ECRClient {
  return new ECRClient(awsClientConfig(connection));
}
