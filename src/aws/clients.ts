import { ACMClient } from '@aws-sdk/client-acm';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SSMClient } from '@aws-sdk/client-ssm';
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
  /** The app stack's services: made on first use like the others. */
  private readonly more = new Map<string, { destroy(): void }>();
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

  get cloudFormation(): CloudFormationClient {
    return this.lazy('cloudformation', () => new CloudFormationClient(this.config));
  }

  get ssm(): SSMClient {
    return this.lazy('ssm', () => new SSMClient(this.config));
  }

  get ec2(): EC2Client {
    return this.lazy('ec2', () => new EC2Client(this.config));
  }

  get elb(): ElasticLoadBalancingV2Client {
    return this.lazy('elb', () => new ElasticLoadBalancingV2Client(this.config));
  }

  get autoScaling(): ApplicationAutoScalingClient {
    return this.lazy('autoscaling', () => new ApplicationAutoScalingClient(this.config));
  }

  get efs(): EFSClient {
    return this.lazy('efs', () => new EFSClient(this.config));
  }

  get acm(): ACMClient {
    return this.lazy('acm', () => new ACMClient(this.config));
  }

  private lazy<T extends { destroy(): void }>(key: string, make: () => T): T {
    let c = this.more.get(key) as T | undefined;
    if (!c) {
      c = make();
      this.more.set(key, c);
    }
    return c;
  }

  dispose(): void {
    for (const c of [this.ecsClient, this.ecrClient, this.logsClient, this.logsStreamingClient, this.stsClient, ...this.more.values()]) c?.destroy();
  }
}
