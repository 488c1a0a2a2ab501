import type { AwsClients } from '../../aws/clients';
import { listIssuedCertificates, type CertificateInfo } from '../../aws/certificates';
import { listClusterArns } from '../../aws/clusters';
import { describeSubnets, listVpcs, type SubnetInfo, type VpcInfo } from '../../aws/network';
import { resourceIdOf } from '../../core/arns';
import type { Logger } from '../../core/logger';
import { pickTwoZones } from './stackNetwork';

/** What the account has that a launch chooses from; a list that cannot be read is empty (and logged). */
export interface AccountFacts {
  readonly clusters: readonly string[];
  readonly vpcs: readonly VpcInfo[];
  /** The default VPC's two subnets in two zones, when it has them. */
  readonly defaultSubnets?: readonly [SubnetInfo, SubnetInfo];
  readonly certificates: readonly CertificateInfo[];
}

/** Reads clusters, VPCs (and the default one's subnets) and ACM certificates in parallel. */
export async function readAccountFacts(clients: AwsClients, log: Logger, signal?: AbortSignal): Promise<AccountFacts> {
  const soft = <T>(what: string, p: Promise<T>, empty: T): Promise<T> =>
    p.catch((err: unknown) => {
      log.warn(`Could not list ${what}: ${(err as Error)?.message ?? String(err)}`);
      return empty;
    });
  const [clusters, vpcs, certificates] = await Promise.all([
    soft('clusters', listClusterArns(clients.ecs, signal).then((arns) => arns.map(resourceIdOf).sort()), [] as string[]),
    soft('VPCs', listVpcs(clients.ec2, signal), [] as VpcInfo[]),
    soft('ACM certificates', listIssuedCertificates(clients.acm, signal), [] as CertificateInfo[]),
  ]);
  const def = vpcs.find((v) => v.isDefault);
  const subnets = def ? await soft('subnets', describeSubnets(clients.ec2, { vpcId: def.id }, signal), [] as SubnetInfo[]) : [];
  return { clusters, vpcs, defaultSubnets: pickTwoZones(subnets), certificates };
}
