import { EDITOR_EC2_HINT, type DiagnosticBag, type SourcePos } from './diagnostics';
import { isValidFargateSize, MAX_FARGATE_CPU, MAX_FARGATE_MEMORY, parseTaskCpu, parseTaskMemory, smallestFargateSize } from './fargateSize';
import { get, text, type CNode } from './node';
import { DEFAULT_SERVICE_CPU, DEFAULT_SERVICE_MEMORY } from './resources';
import type { RenderedService } from './renderService';

/**
 * Task cpu/memory: `x-ecs: {cpu, memory}` if given (checked), else the smallest valid Fargate
 * pair covering the sum of the services' needs (a service that says nothing counts a default).
 */
export function taskSize(services: RenderedService[], launchType: string, taskX: CNode | undefined, diags: DiagnosticBag, at: SourcePos): { cpu: number; memory: number } | undefined {
  const cpuNeed = services.reduce((a, s) => a + (s.resources.cpu ?? DEFAULT_SERVICE_CPU), 0);
  const memNeed = services.reduce((a, s) => a + (s.resources.memory ?? s.resources.memoryReservation ?? DEFAULT_SERVICE_MEMORY), 0);
  const cpuNode = get(taskX, 'cpu');
  const memNode = get(taskX, 'memory');
  if (cpuNode || memNode) {
    const cpu = cpuNode ? parseTaskCpu(text(cpuNode) ?? '') : undefined;
    const memory = memNode ? parseTaskMemory(text(memNode) ?? '') : undefined;
    if (cpuNode && cpu === undefined) diags.error(cpuNode.pos, 'x-ecs cpu must be cpu units (1024) or "1 vCPU"', 'x-ecs');
    if (memNode && memory === undefined) diags.error(memNode.pos, 'x-ecs memory must be MiB (2048) or "2 GB"', 'x-ecs');
    const size = { cpu: cpu ?? smallestFargateSize(cpuNeed, memory ?? memNeed)?.cpu ?? 0, memory: memory ?? smallestFargateSize(cpu ?? cpuNeed, memNeed)?.memory ?? 0 };
    if (launchType === 'FARGATE' && !isValidFargateSize(size.cpu, size.memory)) {
      diags.error((cpuNode ?? memNode)!.pos, `x-ecs cpu ${size.cpu} / memory ${size.memory} is not a valid Fargate size (e.g. 256/512, 512/1024, 1024/2048)`, 'task-size');
      return undefined;
    }
    return size;
  }
  if (launchType !== 'FARGATE') return { cpu: Math.max(128, cpuNeed), memory: Math.max(128, memNeed) };
  const size = smallestFargateSize(cpuNeed, memNeed);
  if (!size) {
    const start = `the services need ${cpuNeed} cpu units and ${memNeed} MiB together, more than Fargate's largest task (${MAX_FARGATE_CPU} / ${MAX_FARGATE_MEMORY} MiB): lower deploy.resources`;
    diags.error(at, { cli: `${start} or use --launch-type ec2`, editor: `${start} — ${EDITOR_EC2_HINT}` }, 'task-size');
  }
  return size;
}
