import type { EC2Client } from '@aws-sdk/client-ec2';
import { defaultVpcId, describeSubnets, type SubnetInfo } from '../../aws/network';
import { UserError } from '../../core/userError';
import { plural } from '../../core/plural';

export interface AppNetwork {
  readonly vpcId: string;
  /** Two subnets in two zones: the load balancer and the EFS mount targets need two zones. */
  readonly subnetIds: readonly [string, string];
}

/** Two subnets in different zones, public ones (and the VPC's defaults) first. */
export function pickTwoZones(subnets: readonly SubnetInfo[]): [SubnetInfo, SubnetInfo] | undefined {
  const ranked = [...subnets].sort((a, b) => Number(b.public) - Number(a.public) || Number(b.defaultForZone) - Number(a.defaultForZone) || a.zone.localeCompare(b.zone));
  const first = ranked[0];
  const second = ranked.find((s) => s.zone !== first?.zone);
  return first && second ? [first, second] : undefined;
}

/**
 * The VPC and subnets an app runs in, for the stack's VpcId / SubnetIds parameters: the
 * account's default VPC, or the given VPC (and subnets). `--vpc new` needs none of this.
 */
export async function resolveAppNetwork(ec2: EC2Client, want: { vpcId?: string; subnets?: readonly string[] }, signal?: AbortSignal): Promise<AppNetwork> {
  const vpcId = want.vpcId ?? (await defaultVpcId(ec2, signal));
  if (!vpcId) {
    throw new UserError('This region has no default VPC: launch with a new one (--vpc new, or x-ecs vpc: new) or name one (--vpc vpc-… --subnets subnet-…,subnet-…)');
  }
  const subnets = await describeSubnets(ec2, want.subnets?.length ? { subnetIds: want.subnets } : { vpcId }, signal);
  const pair = pickTwoZones(subnets);
  if (!pair) {
    const zones = [...new Set(subnets.map((s) => s.zone))];
    throw new UserError(
      `${want.subnets?.length ? 'The subnets given' : `VPC ${vpcId}`} cover ${plural(zones.length, 'availability zone')} (${zones.join(', ') || 'none'}); a load balancer needs subnets in two zones: ${want.subnets?.length ? 'name subnets in two zones' : 'add a subnet in a second zone, or launch with --vpc new'}`,
    );
  }
  return { vpcId, subnetIds: [pair[0].id, pair[1].id] };
}
