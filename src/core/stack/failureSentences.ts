import type { ResourceState } from './stackEvents';
import { resourceWords } from './resourceWords';

/** What kind of failure a CloudFormation (or ECS / ELB) reason describes. */
export type FailureKind =
  | 'circuit-breaker'
  | 'not-stabilized'
  | 'health-check'
  | 'image-missing'
  | 'image-pull-role'
  | 'no-internet-route'
  | 'name-taken'
  | 'quota'
  | 'access-denied'
  | 'certificate'
  | 'in-use'
  | 'other';

export interface FailureInput {
  readonly logicalId?: string;
  readonly resourceType?: string;
  /** CloudFormation's ResourceStatusReason. */
  readonly reason?: string;
  /** The failed event's status (CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED): says what could not be done. */
  readonly status?: string;
  /**
   * What the flow saw meanwhile, in ECS's and ELB's own words: stopped tasks' reasons, service
   * events, target health ("Target.ResponseCodeMismatch: Health checks failed with these codes: [404]").
   * CloudFormation only says the circuit breaker fired; these say why.
   */
  readonly evidence?: readonly string[];
}

export interface FailureExplanation {
  readonly kind: FailureKind;
  /** What failed, why, and what to do, as sentences. */
  readonly sentence: string;
  /** CloudFormation's own words without the handler's wrapping (request tokens, request ids). */
  readonly original: string;
}

/**
 * `Resource handler returned message: "X" (RequestToken: …, HandlerErrorCode: …)` → `X`, and the
 * SDK's `(Service: …, Status Code: …, Request ID: …)` tail dropped: what is left is the message.
 */
export function cleanCloudFormationReason(reason: string | undefined): string {
  let r = (reason ?? '').trim();
  const handler = /^Resource handler returned message: "([\s\S]*)"\s*\(RequestToken: [^)]*\)\s*$/.exec(r);
  if (handler) r = handler[1];
  r = r.replace(/\s*\(Service: [^()]*(?:Status Code|Request ID)[^()]*\)/g, '');
  r = r.replace(/\s*\(RequestToken: [^)]*\)\s*$/, '');
  return r.trim();
}

const endSentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** "The ECS service 'Service'", "The log group 'LogGroup'". */
function subject(logicalId: string | undefined, resourceType: string | undefined): string {
  const words = resourceWords(resourceType);
  const first = words.split(' ')[0];
  const keepCase = first === first.toUpperCase() || first === 'Application';
  const w = keepCase ? words : words[0].toLowerCase() + words.slice(1);
  return logicalId ? `The ${w} '${logicalId}'` : `The ${w}`;
}

const PULL = /CannotPullContainerError|ResourceInitializationError|unable to pull secrets or registry auth|pull image manifest/i;
const NETWORK = /i\/o timeout|dial tcp|context deadline exceeded|connection timed out|check your task network configuration|no route to host/i;
const IMAGE_MISSING = /not found|manifest unknown|does not exist|name unknown/i;
const HEALTH = /Health checks failed|ResponseCodeMismatch|failed ELB health checks|Target\.Timeout|Target\.FailedHealthChecks|failed container health checks|health check/i;
const CIRCUIT = /Circuit Breaker was triggered|circuit breaker/i;
const NOT_STABLE = /did not stabilize|NotStabilized|Exceeded attempts to wait|timed out waiting|Resource timed out/i;
const NO_IGW = /has no internet gateway|not attached to an internet gateway|no route to an internet gateway/i;
const TAKEN = /already exists|AlreadyExists|not idempotent|exists, but with different settings/i;
const QUOTA = /LimitExceeded|limit exceeded|maximum number|You have reached the maximum|quota|TooMany|ServiceLimitExceeded/i;
const DENIED = /not authorized to perform|AccessDenied|Access Denied|UnauthorizedOperation|is not authorized/i;
const CERT = /certificate/i;
const IN_USE = /dependent object|DependencyViolation|has dependencies|cannot be deleted while|is in use|currently in use/i;
const CERT_BAD = /not found|not valid|invalid|must have|expired|does not exist|pending|not issued/i;

/** The action IAM refused: "not authorized to perform: elasticloadbalancing:CreateLoadBalancer" → that action. */
export function deniedAction(text: string): string | undefined {
  return /not authorized to perform:? ([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(text)?.[1] ?? /^API: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(text)?.[1];
}

function healthWords(texts: readonly string[]): string {
  const all = texts.join('\n');
  const codes = /codes: \[([^\]]+)\]/.exec(all)?.[1]?.split(/,\s*/);
  if (codes?.length) {
    const c = codes[0];
    const why = /^404$/.test(c)
      ? 'the app has no page at the health check path'
      : /^30\d$/.test(c)
        ? 'the app redirects the health check path (to a login page or a trailing slash)'
        : /^5\d\d$/.test(c)
          ? 'the app fails on the health check path'
          : 'the health check path does not answer 200';
    return `The load balancer's health checks kept failing with HTTP ${codes.join(', ')}: ${why}, so ECS kept replacing the tasks until it gave up. Set the health check path to one the app answers with 200 (for example a /health route), or make the app answer there.`;
  }
  if (/Target\.Timeout|timed out/i.test(all)) {
    return "The load balancer's health checks timed out: the app does not answer on the container port in time, or the security groups do not let the load balancer reach it. Check that the container listens on the port the load balancer forwards to, on 0.0.0.0 rather than localhost, and give the app a longer health check grace period if it starts slowly.";
  }
  if (/failed container health checks/i.test(all)) {
    return "The container's own health check (from the compose file) kept failing, so ECS kept replacing the tasks. Check the health check command works inside the image (curl or wget must exist there) and that the app starts within its start period.";
  }
  return "The tasks kept failing the load balancer's health checks, so ECS kept replacing them. Set the health check path to one the app answers with 200, and give a slow-starting app a longer health check grace period.";
}

/** Rewrites a resource failure as sentences with what to do; the fallback keeps CloudFormation's text. */
export function explainResourceFailure(input: FailureInput): FailureExplanation {
  const original = cleanCloudFormationReason(input.reason);
  const texts = [input.reason ?? '', ...(input.evidence ?? [])];
  const who = subject(input.logicalId, input.resourceType);
  const found = (re: RegExp) => texts.find((t) => re.test(t));
  const done = input.status?.startsWith('DELETE') ? 'deleted' : input.status?.startsWith('UPDATE') ? 'updated' : 'made';
  const out = (kind: FailureKind, sentence: string): FailureExplanation => ({ kind, sentence, original });

  const pull = found(PULL);
  if (pull) {
    if (NETWORK.test(pull)) {
      return out(
        'no-internet-route',
        "The tasks could not reach ECR (or CloudWatch Logs, or the secrets store) over the network, so their image was never pulled. Tasks in public subnets need a public IP and a route 0.0.0.0/0 to an internet gateway (private subnets need a NAT gateway or VPC endpoints): choose public subnets, or let the launch make a new VPC.",
      );
    }
    const image = /(\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/[^\s:"@]+(?::[\w.-]+|@sha256:[a-f0-9]+)?)/.exec(pull)?.[1];
    if (IMAGE_MISSING.test(pull) && !DENIED.test(pull)) {
      return out('image-missing', `The tasks could not pull their image: ${image ?? 'the image'} does not exist in the registry. Build and push it first, or correct the image name and tag.`);
    }
    return out(
      'image-pull-role',
      `The tasks could not pull their image${image ? ` ${image}` : ''}: the task execution role may not read it. The role needs ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (the AWS managed policy AmazonECSTaskExecutionRolePolicy grants them), and the image must exist.`,
    );
  }
  if (found(HEALTH) && !found(NO_IGW)) return out('health-check', healthWords(texts));
  if (CIRCUIT.test(input.reason ?? '')) {
    const last = input.evidence?.at(-1);
    return out(
      'circuit-breaker',
      `${who} never became stable: its tasks kept stopping, so ECS's deployment circuit breaker gave up.${last ? ` The last task stopped because: ${endSentence(last)}` : ''} Look at why the tasks stopped (the app's logs, the stopped tasks) and fix that before launching again.`,
    );
  }
  if (NOT_STABLE.test(input.reason ?? '')) {
    return out(
      'not-stabilized',
      `${who} did not become stable while CloudFormation waited: its tasks did not all start and pass their health checks. Look at why the tasks stopped (the app's logs, the stopped tasks) and fix that before launching again.`,
    );
  }
  const noIgw = found(NO_IGW);
  if (noIgw) {
    const vpc = /(vpc-[0-9a-f]+)/.exec(noIgw)?.[1];
    return out(
      'no-internet-route',
      `${vpc ? `The VPC ${vpc}` : 'The VPC'} has no internet gateway, so an internet-facing load balancer cannot be placed in it and tasks cannot reach ECR. Choose a VPC whose subnets route 0.0.0.0/0 to an internet gateway (the default VPC does), or let the launch make a new VPC.`,
    );
  }
  if (DENIED.test(original)) {
    const action = deniedAction(original);
    const principal = /User: (arn:aws[^\s]*) is not authorized/.exec(original)?.[1];
    return out(
      'access-denied',
      action
        ? `${who} could not be ${done}: ${principal ? `${principal}` : 'your AWS identity'} may not ${action}. Add ${action} to its IAM policy (the README lists the permissions launching needs), or use a profile that has it.`
        : `${who} could not be ${done}: IAM denied it (${original}). Give your AWS identity the permissions the README lists for launching, or use a profile that has them.`,
    );
  }
  if (TAKEN.test(original)) {
    const id = /with identifier '([^']+)'/.exec(original)?.[1] ?? /^(\S+) already exists/.exec(original)?.[1];
    const logGroup = input.resourceType === 'AWS::Logs::LogGroup';
    return out(
      'name-taken',
      `${who} could not be ${done}: ${id ? `${id} ` : 'one with the same name '}already exists outside this stack (made by hand, or left by an earlier launch).${
        logGroup ? ' Delete that log group if its old logs are not needed (aws logs delete-log-group --log-group-name NAME),' : ' Delete the existing one if nothing uses it,'
      } or give the app another name.`,
    );
  }
  if (QUOTA.test(original)) {
    return out(
      'quota',
      `${who} could not be ${done}: the account reached an AWS quota (${original.replace(/\.$/, '')}). Delete unused ones (old load balancers, VPCs, Elastic IPs…) or ask for a higher quota in the Service Quotas console.`,
    );
  }
  if (CERT.test(original) && CERT_BAD.test(original)) {
    const arn = /(arn:aws[\w-]*:acm:[^\s'"]+)/.exec(original)?.[1];
    return out(
      'certificate',
      `The load balancer cannot use the certificate${arn ? ` ${arn}` : ''}: ${endSentence(original)} Use an ACM certificate that is issued (validated), in the stack's region, and covers the app's domain.`,
    );
  }
  if (input.status?.startsWith('DELETE') && IN_USE.test(original)) {
    return out(
      'in-use',
      `${who} could not be deleted: something still uses it (${original.replace(/\.$/, '')}). Network interfaces of stopped tasks take a few minutes to go; wait, or remove what uses it, then delete the app again.`,
    );
  }
  return out('other', original ? `${who} failed: ${endSentence(original)}` : `${who} failed.`);
}

/** What CloudFormation did after the failure, and what that leaves; undefined for statuses with nothing to add. */
export function rollbackSentence(stackStatus: string | undefined, retained: readonly Pick<ResourceState, 'physicalId' | 'resourceType'>[] = []): string | undefined {
  const kept = retained.filter((r) => r.physicalId);
  const keptWords = kept.length ? `, except ${kept.map((r) => `the ${resourceWords(r.resourceType)} ${r.physicalId}`).join(', ')}, ${kept.length === 1 ? 'which is kept with its data' : 'which are kept with their data'}` : '';
  switch (stackStatus) {
    case 'ROLLBACK_COMPLETE':
      return `CloudFormation rolled the launch back and deleted what it had made${keptWords}. The empty stack (ROLLBACK_COMPLETE) must be deleted before the app is launched again.`;
    case 'UPDATE_ROLLBACK_COMPLETE':
      return 'CloudFormation rolled the update back: the app runs as it did before.';
    case 'ROLLBACK_FAILED':
      return 'CloudFormation could not roll the launch back completely (ROLLBACK_FAILED): delete the stack, then launch again.';
    case 'UPDATE_ROLLBACK_FAILED':
      return 'CloudFormation could not roll the update back (UPDATE_ROLLBACK_FAILED): fix what failed, then continue the rollback in the CloudFormation console (Stack actions → Continue update rollback).';
    case 'DELETE_FAILED':
      return 'The stack could not be deleted completely (DELETE_FAILED): remove what blocks it, then delete the app again.';
    default:
      return undefined;
  }
}

/** The outcome of a failed operation for a person: the first failure in words, then the rollback. */
export function explainStackFailure(
  result: {
    readonly stackStatus?: string;
    readonly stackReason?: string;
    readonly firstFailure?: Pick<ResourceState, 'logicalId' | 'resourceType' | 'reason' | 'status'>;
    readonly retained?: readonly Pick<ResourceState, 'physicalId' | 'resourceType'>[];
  },
  evidence: readonly string[] = [],
): string {
  const f = result.firstFailure;
  const first = f
    ? explainResourceFailure({ logicalId: f.logicalId, resourceType: f.resourceType, reason: f.reason, status: f.status, evidence }).sentence
    : endSentence(`The stack failed${result.stackReason ? `: ${cleanCloudFormationReason(result.stackReason)}` : ''}`);
  const after = rollbackSentence(result.stackStatus, result.retained);
  return after ? `${first} ${after}` : first;
}
