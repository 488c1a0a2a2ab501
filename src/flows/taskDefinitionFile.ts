import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { readFile } from 'node:fs/promises';
import { parseTaskDefinitionFile, TaskDefinitionFileError } from '../core/taskDefinition/parseFile';
import { systemErrorSentence, UserError } from '../core/userError';

/** Reads and checks a task-definition JSON file; every problem is a UserError naming the file. */
export async function readTaskDefinitionFile(file: string): Promise<RegisterTaskDefinitionCommandInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`Cannot read the task definition: ${systemErrorSentence(err) ?? (err as Error).message}`, err);
  }
  try {
    return parseTaskDefinitionFile(text, file);
  } catch (err) {
    if (err instanceof TaskDefinitionFileError) throw new UserError(err.message);
    throw err;
  }
}
