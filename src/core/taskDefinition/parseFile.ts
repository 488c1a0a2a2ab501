import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

export class TaskDefinitionFileError extends Error {
  override name = 'TaskDefinitionFileError';
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/**
 * A *.taskdef.json (RegisterTaskDefinition input, or DescribeTaskDefinition output with or without
 * its {"taskDefinition": …} wrapper) → the input. Problems name file:line:col where JSON says.
 */
export function parseTaskDefinitionFile(text: string, file: string): RegisterTaskDefinitionCommandInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const where = m ? `${file}:${lineCol(text, Number(m[1]))}` : file;
    throw new TaskDefinitionFileError(`${where}: error: not valid JSON (${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')})`);
  }
  if (data && typeof data === 'object' && 'taskDefinition' in data && typeof (data as { taskDefinition: unknown }).taskDefinition === 'object') {
    data = (data as { taskDefinition: unknown }).taskDefinition;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new TaskDefinitionFileError(`${file}:1:1: error: a task definition is a JSON object`);
  }
  const td = data as RegisterTaskDefinitionCommandInput;
  if (typeof td.family !== 'string' || !td.family) throw new TaskDefinitionFileError(`${file}:1:1: error: "family" is missing`);
  if (!Array.isArray(td.containerDefinitions) || td.containerDefinitions.length === 0) {
    throw new TaskDefinitionFileError(`${file}:1:1: error: "containerDefinitions" must list at least one container`);
  }
  for (const [i, c] of td.containerDefinitions.entries()) {
    if (!c || typeof c.name !== 'string' || typeof c.image !== 'string') {
      throw new TaskDefinitionFileError(`${file}:1:1: error: containerDefinitions[${i}] needs a "name" and an "image"`);
    }
  }
  return td;
}
