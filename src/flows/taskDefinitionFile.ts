import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { readFile } from 'node:fs/promises';
import { parseTaskDefinitionFile, TaskDefinitionFileError } from '../core/taskDefinition/parseFile';
import { UserError } from '../core/userError';

/** Reads and checks a task-definition JSON file; every problem is a UserError naming the file. */
export async function readTaskDefinitionFile(file: string): Promise<RegisterTaskDefinitionCommandInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`${file}: cannot read the task definition (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return parseTaskDefinitionFile(text, file);
  } catch (err) {
    if (err instanceof TaskDefinitionFileError) throw new UserError(err.message);
    throw err;
  }
}
