import type { StackTemplate } from './cfn';
import { estimateMonthlyCost, type CostEstimate, type FargateArchitecture } from './costEstimate';
import type { AppSummary } from './renderStack';

/** The monthly estimate of the app a template runs: its task size and count, load balancer and EFS volumes. */
export function launchCostEstimate(app: AppSummary, template: StackTemplate, region: string): CostEstimate | undefined {
  const td = template.Resources.TaskDefinition?.Properties as { Cpu?: string | number; Memory?: string | number; RuntimePlatform?: { CpuArchitecture?: string } } | undefined;
  const cpu = Number(td?.Cpu);
  const memoryMiB = Number(td?.Memory);
  if (!Number.isFinite(cpu) || !Number.isFinite(memoryMiB) || cpu <= 0 || memoryMiB <= 0) return undefined;
  const architecture: FargateArchitecture = td?.RuntimePlatform?.CpuArchitecture === 'ARM64' ? 'ARM64' : 'X86_64';
  return estimateMonthlyCost({
    cpu,
    memoryMiB,
    architecture,
    desiredCount: app.desiredCount,
    maxCount: app.scaling?.max,
    loadBalancer: app.publicPort !== undefined,
    efsVolumes: app.efsVolumes.filter((v) => v.logicalId).length,
    region,
  });
}
