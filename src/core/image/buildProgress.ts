import type { DockerfileInstruction } from './dockerfile';

/** One JSON object of the engine's build or push stream. */
export interface EngineEvent {
  stream?: string;
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  aux?: { ID?: string; Tag?: string; Digest?: string; Size?: number };
  error?: string;
  errorDetail?: { code?: number; message?: string };
}

/** The failure an event carries, if any: dockerode does not reject on these. */
export function eventError(e: EngineEvent): string | undefined {
  const m = e.errorDetail?.message ?? e.error;
  return m ? m.trim() : e.errorDetail ? 'the engine reported an error without a message' : undefined;
}

export interface BuildStep {
  readonly step: number;
  readonly total: number;
  readonly text: string;
}

/** "Step 4/9 : RUN npm ci" → {4, 9, "RUN npm ci"}. */
export function parseBuildStep(line: string): BuildStep | undefined {
  const m = /^Step (\d+)\/(\d+) : (.*)$/.exec(line.trim());
  return m ? { step: Number(m[1]), total: Number(m[2]), text: m[3] } : undefined;
}

/**
 * Words a failed build for a person: the Dockerfile line of the failing step, and for a FROM
 * step that the base image is neither local nor pullable.
 */
export function describeBuildFailure(
  message: string,
  step: BuildStep | undefined,
  dockerfile: { path: string; instructions: readonly DockerfileInstruction[] },
): string {
  const parse = /dockerfile parse error (?:on )?line (\d+): (.*)$/i.exec(message);
  if (parse) return `${dockerfile.path}:${parse[1]}: ${parse[2].trim()}`;
  if (!step) return `The build failed: ${message}`;
  // The classic builder numbers steps in instruction order, so step N is the Nth instruction.
  const instr = dockerfile.instructions[step.step - 1];
  const where = instr ? `${dockerfile.path}:${instr.line}` : dockerfile.path;
  if (/^FROM\b/i.test(step.text)) {
    const image = step.text.replace(/^FROM\s+/i, '').split(/\s+/).filter((w) => !w.startsWith('--'))[0];
    return `${where}: the base image "${image}" is not on this machine and could not be pulled — pull or build it first, or check its name (${message})`;
  }
  return `${where}: step ${step.step}/${step.total} (${step.text}) failed: ${message}`;
}
