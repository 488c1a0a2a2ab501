import { DescribeTaskDefinitionCommand, type ECSClient, type TaskDefinition } from '@aws-sdk/client-ecs';

/** A task definition by ARN or family[:revision]. */
export async function describeTaskDefinition(ecs: ECSClient, taskDefinition: string, signal?: AbortSignal): Promise<TaskDefinition> {
  const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal: signal });
  if (!out.taskDefinition) throw new Error(`Task definition ${taskDefinition} was not found`);
  return out.taskDefinition;
}
