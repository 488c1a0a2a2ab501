import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { STSClient } from '@aws-sdk/client-sts';
import { createLimiter, type Limiter } from '../core/concurrency';
import type { ResolvedConnection } from '../core/connection';
import { awsClientConfig } from './clientConfig';
import { limitCallsInFlight } from './inFlightLimit';

/** Calls in flight at once per connection: enough for parallel Describe batches, polite to throttling. */
export const MAX_CALLS_IN_FLIGHT = 4;

/** The clients of one connection, made on first use and destroyed together. */
export class AwsClients {
  private ecsClient?: ECSClient;
  private ecrClient?: ECRClient;
  private logsClient?: CloudWatchLogsClient;
  private logsStreamingClient?: CloudWatchLogsClient;
  private stsClient?: STSClient;
  private readonly config: ReturnType<typeof awsClientConfig>;
  /** Shared by all clients of this connection. */
  readonly limiter: Limiter = createLimiter(MAX_CALLS_IN_FLIGHT);

  constructor(readonly connection: ResolvedConnection, config = awsClientConfig(connection)) {
    this.config = config;
  }

  get ecs(): ECSClient {
    if (!this.ecsClient) {
      this.ecsClient = new ECSClient(this.config);
      limitCallsInFlight(this.ecsClient, this.limiter);
    }
    return this.ecsClient;
  }

  get ecr(): ECRClient {
    return (this.ecrClient ??= new ECRClient(this.config));
  }

  get logs(): CloudWatchLogsClient {
    return (this.logsClient ??= new CloudWatchLogsClient(this.config));
  }

  /**
   * For StartLiveTail: the SDK sends it to a "streaming-" host prefix, which a custom endpoint
   * (emulator) does not have, so the prefix is turned off there.
   */
  get logsStreaming(): CloudWatchLogsClient {
    return (this.logsStreamingClient ??= new CloudWatchLogsClient({ ...this.config, ...(this.config.endpoint ? { disableHostPrefix: true } : {}) }));
  }

  get sts(): STSClient {
    return (this.stsClient ??= new STSClient(this.config));
  }

  dispose(): void {
    for (const c of [this.ecsClient, this.ecrClient, this.logsClient, this.logsStreamingClient, this.stsClient]) c?.destroy();
  }
}
