import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  CancelUpdateStackCommand,
  type Change,
  type CloudFormationClient,
  type Parameter,
  type Stack,
  type StackEvent,
  type StackResourceSummary,
  type Tag,
} from '@aws-sdk/client-cloudformation';
import { isAwsError } from '../core/awsErrors';

/** CloudFormation says a stack is missing with a ValidationError whose message names it. */
function isMissingStack(err: unknown): boolean {
  return isAwsError(err, 'ValidationError') && /does not exist/i.test((err as { message?: string }).message ?? '');
}

/** The stack, or undefined when there is none of that name (deleted stacks are not found by name). */
export async function describeStack(cfn: CloudFormationClient, stackName: string, signal?: AbortSignal): Promise<Stack | undefined> {
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }), { abortSignal: signal });
    return out.Stacks?.[0];
  } catch (err) {
    if (isMissingStack(err)) return undefined;
    throw err;
  }
}

export interface ChangeSetRequest {
  readonly stackName: string;
  readonly changeSetName: string;
  readonly templateBody: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly type: 'CREATE' | 'UPDATE';
  /** Stack-level description of why, shown in the console. */
  readonly description?: string;
}

/** Starts a change set (and, for CREATE, the stack in REVIEW_IN_PROGRESS); the stack's roles have generated names, so CAPABILITY_IAM is enough. */
export async function createChangeSet(cfn: CloudFormationClient, req: ChangeSetRequest, signal?: AbortSignal): Promise<{ changeSetId: string; stackId: string }> {
  const Parameters: Parameter[] = Object.entries(req.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
  const Tags: Tag[] = Object.entries(req.tags).map(([Key, Value]) => ({ Key, Value }));
  const out = await cfn.send(
    new CreateChangeSetCommand({
      StackName: req.stackName,
      ChangeSetName: req.changeSetName,
      // A retried request whose first answer was lost makes no second change set.
      ClientToken: req.changeSetName,
      ChangeSetType: req.type,
      TemplateBody: req.templateBody,
      Parameters,
      Tags,
      Capabilities: ['CAPABILITY_IAM'],
      Description: req.description,
    }),
    { abortSignal: signal },
  );
  if (!out.Id) throw new Error(`CloudFormation returned no change set id for ${req.stackName}`);
  return { changeSetId: out.Id, stackId: out.StackId ?? req.stackName };
}

export interface ChangeSetState {
  readonly status: string;
  readonly executionStatus?: string;
  readonly reason?: string;
  readonly changes: Change[];
}

/** One look at a change set, all pages of its changes. */
export async function describeChangeSet(cfn: CloudFormationClient, changeSetId: string, signal?: AbortSignal): Promise<ChangeSetState> {
  const changes: Change[] = [];
  let token: string | undefined;
  let first: { Status?: string; ExecutionStatus?: string; StatusReason?: string } | undefined;
  do {
    const page = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId, NextToken: token }), { abortSignal: signal });
    first ??= page;
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  } while (token);
  return { status: first?.Status ?? 'UNKNOWN', executionStatus: first?.ExecutionStatus, reason: first?.StatusReason, changes };
}

/** CloudFormation's words for a change set that would change nothing. */
export function isNoChangeReason(reason: string | undefined): boolean {
  return /didn't contain changes|No updates are to be performed/i.test(reason ?? '');
}

export async function executeChangeSet(cfn: CloudFormationClient, changeSetId: string, token: string, signal?: AbortSignal): Promise<void> {
  await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: changeSetId, ClientRequestToken: token }), { abortSignal: signal });
}

export async function deleteChangeSet(cfn: CloudFormationClient, changeSetId: string, signal?: AbortSignal): Promise<void> {
  await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId }), { abortSignal: signal });
}

/** Deleting is idempotent in CloudFormation: the token marks the events this request causes. */
export async function deleteStack(cfn: CloudFormationClient, stackName: string, token: string, signal?: AbortSignal): Promise<void> {
  await cfn.send(new DeleteStackCommand({ StackName: stackName, ClientRequestToken: token }), { abortSignal: signal });
}

/** One page of a stack's events, newest first (follow a deleted stack by its id, not its name). */
export async function stackEventsPage(cfn: CloudFormationClient, stackId: string, nextToken?: string, signal?: AbortSignal): Promise<{ events: StackEvent[]; nextToken?: string }> {
  const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: nextToken }), { abortSignal: signal });
  return { events: page.StackEvents ?? [], nextToken: page.NextToken };
}

/** Every resource of the stack, with its physical id and status. */
export async function listStackResources(cfn: CloudFormationClient, stackName: string, signal?: AbortSignal): Promise<StackResourceSummary[]> {
  const out: StackResourceSummary[] = [];
  let token: string | undefined;
  do {
    const page = await cfn.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }), { abortSignal: signal });
    out.push(...(page.StackResourceSummaries ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

/** Every stack of the region that carries `tagKey`, by that tag's value (one paged call, for the tree). */
export async function stacksByTag(cfn: CloudFormationClient, tagKey: string, signal?: AbortSignal): Promise<Map<string, Stack>> {
  const out = new Map<string, Stack>();
  let token: string | undefined;
  do {
    const page = await cfn.send(new DescribeStacksCommand({ NextToken: token }), { abortSignal: signal });
    for (const s of page.Stacks ?? []) {
      const value = s.Tags?.find((t) => t.Key === tagKey)?.Value;
      if (value && s.StackStatus !== 'DELETE_COMPLETE') out.set(value, s);
    }
    token = page.NextToken;
  } while (token);
  return out;
}

/** Asks CloudFormation to roll an update in progress back (the stack returns to its last good state). */
export async function cancelUpdateStack(cfn: CloudFormationClient, stackName: string, signal?: AbortSignal): Promise<void> {
  await cfn.send(new CancelUpdateStackCommand({ StackName: stackName, ClientRequestToken: `ecs-deploy-cancel-${Date.now()}` }), { abortSignal: signal });
}
