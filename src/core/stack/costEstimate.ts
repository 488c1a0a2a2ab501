/** AWS's published on-demand prices the estimate is made from (USD). */
export interface PriceTable {
  readonly region: string;
  /** Where the prices come from, shown with every estimate. */
  readonly source: string;
  readonly fargate: Readonly<Record<FargateArchitecture, { readonly vcpuHour: number; readonly gbHour: number }>>;
  readonly albHour: number;
  readonly albLcuHour: number;
  readonly publicIpv4Hour: number;
  readonly efsStandardGbMonth: number;
  readonly logsIngestionGb: number;
  readonly hoursPerMonth: number;
}

export type FargateArchitecture = 'X86_64' | 'ARM64';

/** us-east-1, Linux, on demand (AWS pricing pages for Fargate, ELB, VPC public IPv4, EFS, CloudWatch). */
export const US_EAST_1_PRICES: PriceTable = {
  region: 'us-east-1',
  source: 'AWS public prices, us-east-1',
  fargate: { X86_64: { vcpuHour: 0.04048, gbHour: 0.004445 }, ARM64: { vcpuHour: 0.03238, gbHour: 0.00356 } },
  albHour: 0.0225,
  albLcuHour: 0.008,
  publicIpv4Hour: 0.005,
  efsStandardGbMonth: 0.3,
  logsIngestionGb: 0.5,
  hoursPerMonth: 730,
};

export interface CostInput {
  /** Task CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly architecture?: FargateArchitecture;
  readonly desiredCount: number;
  /** With auto scaling: the most tasks it may run, for the "up to" figure. */
  readonly maxCount?: number;
  readonly loadBalancer: boolean;
  /** Zones the load balancer spans: it holds one public IPv4 address in each (default 2). */
  readonly loadBalancerZones?: number;
  /** Public IPv4 addresses per task (default 1: tasks in public subnets get one to reach ECR). */
  readonly publicIpsPerTask?: number;
  /** EFS volumes of the stack and the data assumed in each (default 1 GB). */
  readonly efsVolumes?: number;
  readonly efsGbPerVolume?: number;
  /** Log data ingested a month (default 1 GB). */
  readonly logsGb?: number;
  /** Load balancer capacity units used on average (default 1: light traffic). */
  readonly lcu?: number;
  /** The stack's region: the estimate says when its prices are another region's. */
  readonly region?: string;
}

export interface CostLine {
  readonly item: string;
  /** "0.5 vCPU × 1 task" */
  readonly quantity: string;
  /** "0.5 vCPU × 1 task × 730 h × $0.04048 = $14.78" */
  readonly arithmetic: string;
  /** Rounded to cents: the lines add up to the total as shown. */
  readonly monthlyUsd: number;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
  /** The total when auto scaling runs `maxCount` tasks (only when that is more than desired). */
  readonly maxTotalUsd?: number;
  readonly maxCount?: number;
  /** "Estimated monthly cost" */
  readonly title: string;
  /** "AWS public prices, us-east-1" */
  readonly source: string;
  /** The assumptions and what the figure leaves out, as sentences. */
  readonly notes: readonly string[];
}

/** Cents, rounding half up without binary-fraction surprises (16.425 → 16.43). */
const cents = (usd: number) => Math.round(Number((usd * 100).toFixed(6))) / 100;
const num = (n: number) => String(Number(n.toFixed(4)));
const price = (p: number) => `$${p.toFixed(Math.max(2, (String(p).split('.')[1] ?? '').length))}`;
/** "$14.78" */
export const formatUsd = (usd: number) => `$${cents(usd).toFixed(2)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

/** The monthly cost of running the app all month, line by line, with the arithmetic shown. */
export function estimateMonthlyCost(input: CostInput, prices: PriceTable = US_EAST_1_PRICES): CostEstimate {
  const lines = costLines(input, input.desiredCount, prices);
  const totalUsd = cents(lines.reduce((s, l) => s + l.monthlyUsd, 0));
  const scales = input.maxCount !== undefined && input.maxCount > input.desiredCount;
  const maxTotalUsd = scales ? cents(costLines(input, input.maxCount!, prices).reduce((s, l) => s + l.monthlyUsd, 0)) : undefined;
  const efsVolumes = input.efsVolumes ?? 0;
  const assumed = [
    input.loadBalancer ? `${plural(input.lcu ?? 1, 'load balancer capacity unit')} (light traffic)` : undefined,
    efsVolumes ? `${plural(input.efsGbPerVolume ?? 1, 'GB', 'GB')} stored per EFS volume` : undefined,
    `${plural(input.logsGb ?? 1, 'GB', 'GB')} of logs a month`,
  ].filter((x): x is string => !!x);
  const notes = [
    `An estimate from ${prices.source}, for ${prices.hoursPerMonth} hours a month${input.region && input.region !== prices.region ? `; prices in ${input.region} differ` : '; prices in other regions differ'}.`,
    `Assumes ${assumed.join(', ')}.`,
    'Leaves out data transfer, the free tier and taxes; Fargate includes 20 GB of task storage.',
  ];
  if (scales) notes.push(`With auto scaling at ${plural(input.maxCount!, 'task')}: up to ${formatUsd(maxTotalUsd!)} a month.`);
  return { lines, totalUsd, maxTotalUsd, maxCount: scales ? input.maxCount : undefined, title: 'Estimated monthly cost', source: prices.source, notes };
}

function costLines(input: CostInput, tasks: number, p: PriceTable): CostLine[] {
  const h = p.hoursPerMonth;
  const fargate = p.fargate[input.architecture ?? 'X86_64'];
  const arch = input.architecture === 'ARM64' ? ' (Arm)' : '';
  const vcpu = input.cpu / 1024;
  const gb = input.memoryMiB / 1024;
  const taskWords = plural(tasks, 'task');
  const line = (item: string, quantity: string, factors: string, usd: number): CostLine => ({
    item,
    quantity,
    arithmetic: `${factors} = ${formatUsd(usd)}`,
    monthlyUsd: cents(usd),
  });
  const out: CostLine[] = [
    line(`Fargate vCPU${arch}`, `${num(vcpu)} vCPU × ${taskWords}`, `${num(vcpu)} vCPU × ${taskWords} × ${h} h × ${price(fargate.vcpuHour)}`, vcpu * tasks * h * fargate.vcpuHour),
    line(`Fargate memory${arch}`, `${num(gb)} GB × ${taskWords}`, `${num(gb)} GB × ${taskWords} × ${h} h × ${price(fargate.gbHour)}`, gb * tasks * h * fargate.gbHour),
  ];
  const ipsPerTask = input.publicIpsPerTask ?? 1;
  if (ipsPerTask > 0) {
    const q = `${plural(ipsPerTask, 'address', 'addresses')} × ${taskWords}`;
    out.push(line('Public IPv4, tasks', q, `${q} × ${h} h × ${price(p.publicIpv4Hour)}`, ipsPerTask * tasks * h * p.publicIpv4Hour));
  }
  if (input.loadBalancer) {
    const lcu = input.lcu ?? 1;
    const zones = input.loadBalancerZones ?? 2;
    out.push(
      line('Load balancer', `1 Application Load Balancer`, `${h} h × ${price(p.albHour)}`, h * p.albHour),
      line('Load balancer capacity', plural(lcu, 'LCU', 'LCU'), `${plural(lcu, 'LCU', 'LCU')} × ${h} h × ${price(p.albLcuHour)}`, lcu * h * p.albLcuHour),
      line(
        'Public IPv4, load balancer',
        `${plural(zones, 'address', 'addresses')} (one per zone)`,
        `${plural(zones, 'address', 'addresses')} × ${h} h × ${price(p.publicIpv4Hour)}`,
        zones * h * p.publicIpv4Hour,
      ),
    );
  }
  const volumes = input.efsVolumes ?? 0;
  if (volumes > 0) {
    const gbStored = volumes * (input.efsGbPerVolume ?? 1);
    const q = volumes === 1 ? plural(gbStored, 'GB', 'GB') : `${plural(volumes, 'volume')} × ${plural(input.efsGbPerVolume ?? 1, 'GB', 'GB')}`;
    out.push(line('EFS storage (Standard)', q, `${q} × ${price(p.efsStandardGbMonth)}`, gbStored * p.efsStandardGbMonth));
  }
  const logs = input.logsGb ?? 1;
  if (logs > 0) out.push(line('Log ingestion', plural(logs, 'GB', 'GB'), `${plural(logs, 'GB', 'GB')} × ${price(p.logsIngestionGb)}`, logs * p.logsIngestionGb));
  return out;
}

/** Plain text for the CLI and a preview document: the total first, then each line with its arithmetic, then the notes. */
export function formatCostEstimate(e: CostEstimate): string[] {
  const width = Math.max(...e.lines.map((l) => l.item.length));
  return [
    `${e.title}: ${formatUsd(e.totalUsd)} (${e.source})`,
    ...e.lines.map((l) => `  ${l.item.padEnd(width)}  ${l.arithmetic}`),
    ...e.notes.map((n) => `  ${n}`),
  ];
}
