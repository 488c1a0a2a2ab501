import * as assert from 'node:assert/strict';
import { estimateMonthlyCost, formatCostEstimate, formatUsd } from '../../../../src/core/stack/costEstimate';

// AWS's published us-east-1 prices, written out here so the test checks the module's table too.
const HOURS = 730;
const X86 = { vcpu: 0.04048, gb: 0.004445 };
const ARM = { vcpu: 0.03238, gb: 0.00356 };
const ALB_HOUR = 0.0225;
const LCU_HOUR = 0.008;
const IPV4_HOUR = 0.005;
const EFS_GB_MONTH = 0.3;
const LOGS_GB = 0.5;
const toCents = (x: number) => Math.round(x * 100 + 1e-9) / 100;

/** The sample app: backend + MongoDB in one 0.5 vCPU / 1 GB task, one copy, behind an ALB, one EFS volume. */
const sample = { cpu: 512, memoryMiB: 1024, desiredCount: 1, loadBalancer: true, efsVolumes: 1 };

describe('monthly cost estimate', () => {
  it('the sample app, line by line, from the published prices', () => {
    const e = estimateMonthlyCost(sample);
    const expected: Record<string, number> = {
      'Fargate vCPU': toCents(0.5 * HOURS * X86.vcpu),
      'Fargate memory': toCents(1 * HOURS * X86.gb),
      'Public IPv4, tasks': toCents(1 * HOURS * IPV4_HOUR),
      'Load balancer': toCents(HOURS * ALB_HOUR),
      'Load balancer capacity': toCents(1 * HOURS * LCU_HOUR),
      'Public IPv4, load balancer': toCents(2 * HOURS * IPV4_HOUR),
      'EFS storage (Standard)': toCents(1 * EFS_GB_MONTH),
      'Log ingestion': toCents(1 * LOGS_GB),
    };
    assert.deepEqual(Object.fromEntries(e.lines.map((l) => [l.item, l.monthlyUsd])), expected);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    assert.equal(e.totalUsd, toCents(total));
    assert.equal(formatUsd(e.totalUsd), '$52.04');
    assert.equal(e.maxTotalUsd, undefined);
  });

  it('shows the arithmetic of each line', () => {
    const byItem = Object.fromEntries(estimateMonthlyCost(sample).lines.map((l) => [l.item, l.arithmetic]));
    assert.equal(byItem['Fargate vCPU'], '0.5 vCPU × 1 task × 730 h × $0.04048 = $14.78');
    assert.equal(byItem['Fargate memory'], '1 GB × 1 task × 730 h × $0.004445 = $3.24');
    assert.equal(byItem['Load balancer'], '730 h × $0.0225 = $16.43');
    assert.equal(byItem['Load balancer capacity'], '1 LCU × 730 h × $0.008 = $5.84');
    assert.equal(byItem['Public IPv4, tasks'], '1 address × 1 task × 730 h × $0.005 = $3.65');
    assert.equal(byItem['Public IPv4, load balancer'], '2 addresses × 730 h × $0.005 = $7.30');
    assert.equal(byItem['EFS storage (Standard)'], '1 GB × $0.30 = $0.30');
    assert.equal(byItem['Log ingestion'], '1 GB × $0.50 = $0.50');
  });

  it('is labelled as an estimate with its source, and says other regions differ', () => {
    const e = estimateMonthlyCost(sample);
    assert.equal(e.source, 'AWS public prices, us-east-1');
    assert.match(e.notes[0], /^An estimate from AWS public prices, us-east-1, for 730 hours a month; prices in other regions differ\.$/);
    assert.match(estimateMonthlyCost({ ...sample, region: 'eu-west-1' }).notes[0], /prices in eu-west-1 differ/);
    assert.match(e.notes[1], /1 load balancer capacity unit \(light traffic\), 1 GB stored per EFS volume, 1 GB of logs a month/);
    const text = formatCostEstimate(e);
    assert.equal(text[0], 'Estimated monthly cost: $52.04 (AWS public prices, us-east-1)');
    assert.equal(text.length, 1 + e.lines.length + e.notes.length);
  });

  it('a 0.25 vCPU / 0.5 GB worker on Arm without a load balancer', () => {
    const e = estimateMonthlyCost({ cpu: 256, memoryMiB: 512, architecture: 'ARM64', desiredCount: 2, loadBalancer: false, logsGb: 0 });
    assert.deepEqual(
      e.lines.map((l) => [l.item, l.monthlyUsd]),
      [
        ['Fargate vCPU (Arm)', toCents(0.25 * 2 * HOURS * ARM.vcpu)],
        ['Fargate memory (Arm)', toCents(0.5 * 2 * HOURS * ARM.gb)],
        ['Public IPv4, tasks', toCents(2 * HOURS * IPV4_HOUR)],
      ],
    );
    assert.equal(e.lines[0].arithmetic, `0.25 vCPU × 2 tasks × 730 h × $0.03238 = $${toCents(0.25 * 2 * HOURS * ARM.vcpu).toFixed(2)}`);
  });

  it('with auto scaling, also what the most tasks would cost', () => {
    const e = estimateMonthlyCost({ ...sample, efsVolumes: 0, maxCount: 3 });
    const perTask = toCents(0.5 * HOURS * X86.vcpu) + toCents(1 * HOURS * X86.gb) + toCents(HOURS * IPV4_HOUR);
    const perTaskAt3 = toCents(0.5 * 3 * HOURS * X86.vcpu) + toCents(1 * 3 * HOURS * X86.gb) + toCents(3 * HOURS * IPV4_HOUR);
    assert.equal(e.maxCount, 3);
    assert.equal(e.maxTotalUsd, toCents(e.totalUsd - perTask + perTaskAt3));
    assert.match(e.notes.at(-1)!, new RegExp(`^With auto scaling at 3 tasks: up to \\${formatUsd(e.maxTotalUsd!)} a month\\.$`));
  });

  it('more volumes and more data', () => {
    const e = estimateMonthlyCost({ ...sample, efsVolumes: 2, efsGbPerVolume: 5, lcu: 2, logsGb: 3 });
    const efs = e.lines.find((l) => l.item.startsWith('EFS'))!;
    assert.equal(efs.arithmetic, `2 volumes × 5 GB × $0.30 = ${formatUsd(10 * EFS_GB_MONTH)}`);
    assert.equal(e.lines.find((l) => l.item === 'Load balancer capacity')!.monthlyUsd, toCents(2 * HOURS * LCU_HOUR));
    assert.equal(e.lines.find((l) => l.item === 'Log ingestion')!.monthlyUsd, toCents(3 * LOGS_GB));
  });
});
