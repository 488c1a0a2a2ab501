import { DescribeSubnetsCommand, DescribeVpcsCommand, type EC2Client, type Subnet } from '@aws-sdk/client-ec2';

export interface SubnetInfo {
  readonly id: string;
  readonly zone: string;
  readonly public: boolean;
  readonly defaultForZone: boolean;
}

const toInfo = (s: Subnet): SubnetInfo => ({
  id: s.SubnetId ?? '',
  zone: s.AvailabilityZone ?? '',
  public: s.MapPublicIpOnLaunch === true,
  defaultForZone: s.DefaultForAz === true,
});

/** The account's default VPC in the region, if it still has one. */
export async function defaultVpcId(ec2: EC2Client, signal?: AbortSignal): Promise<string | undefined> {
  const out = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }), { abortSignal: signal });
  return out.Vpcs?.[0]?.VpcId;
}

/** Every subnet of a VPC, or the named subnets. */
export async function describeSubnets(ec2: EC2Client, q: { vpcId?: string; subnetIds?: readonly string[] }, signal?: AbortSignal): Promise<SubnetInfo[]> {
  const subnets: SubnetInfo[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(
      new DescribeSubnetsCommand({
        ...(q.subnetIds?.length ? { SubnetIds: [...q.subnetIds] } : {}),
        ...(q.vpcId ? { Filters: [{ Name: 'vpc-id', Values: [q.vpcId] }] } : {}),
        NextToken: token,
      }),
      { abortSignal: signal },
    );
    subnets.push(...(out.Subnets ?? []).map(toInfo));
    token = out.NextToken;
  } while (token);
  return subnets;
}

export interface VpcInfo {
  readonly id: string;
  readonly cidr?: string;
  readonly isDefault: boolean;
  readonly name?: string;
}

/** The region's VPCs, the default first. */
export async function listVpcs(ec2: EC2Client, signal?: AbortSignal): Promise<VpcInfo[]> {
  const out = await ec2.send(new DescribeVpcsCommand({}), { abortSignal: signal });
  return (out.Vpcs ?? [])
    .map((v) => ({ id: v.VpcId ?? '', cidr: v.CidrBlock, isDefault: v.IsDefault === true, name: v.Tags?.find((t) => t.Key === 'Name')?.Value }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.id.localeCompare(b.id));
}
