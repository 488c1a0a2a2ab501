import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import type { ResolvedConnection } from '../core/connection';
import { awsClientConfig } from './clientConfig';

/** The clients of one connection, made on first use and destroyed together. */
export class AwsClients {
  private ecsClient?: ECSClient;
  private ecrClient?: ECRClient;
  private readonly config: ReturnType<typeof awsClientConfig>;

  constructor(readonly connection: ResolvedConnection, config = awsClientConfig(connection)) {
    this.config = config;
  }

  get ecs(): ECSClient {
    return (this.ecsClient ??= new ECSClient(this.config));
  }

  get ecr(): ECRClient {
    return (this.ecrClient ??= new ECRClient(this.config));
  }

  dispose(): void {
    this.ecsClient?.destroy();
    this.ecrClient?.destroy();
  }
}
