/** Valid Fargate task sizes: cpu units → allowed memory MiB (from the ECS docs' task size table). */
const FARGATE_SIZES: ReadonlyArray<readonly [number, readonly number[]]> = [
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export const MAX_FARGATE_CPU = 16384;
export const MAX_FARGATE_MEMORY = 122880;

/** The smallest valid Fargate pair covering both needs (fewest cpu units first, then memory). */
export function smallestFargateSize(cpu: number, memory: number): { cpu: number; memory: number } | undefined {
  for (const [c, mems] of FARGATE_SIZES) {
    if (c < cpu) continue;
    const m = mems.find((x) => x >= memory);
    if (m !== undefined) return { cpu: c, memory: m };
  }
  return undefined;
}

export function isValidFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_SIZES.some(([c, mems]) => c === cpu && mems.includes(memory));
}

/** "1 vCPU"/"2 GB"/"1024" → units/MiB, as ECS accepts them in task definitions. */
export function parseTaskCpu(v: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(v);
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

export function parseTaskMemory(v: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(v);
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}
