import * as assert from 'node:assert/strict';
import { cleanCloudFormationReason, deniedAction, explainResourceFailure, explainStackFailure, rollbackSentence } from '../../../../src/core/stack/failureSentences';
import { StackEventFollower } from '../../../../src/core/stack/stackEvents';
import { at, CIRCUIT_BREAKER_REASON, createFailsFast, deleteFails, FAILED_DELETE_TOKEN, createRollsBack, createSucceeds, describeStackEventsAt, FAILED_CREATE_TOKEN, NO_IGW_TOKEN, UPDATE_TOKEN, updateRollsBack } from './fixtures/stackEvents';

// Reasons as CloudFormation, ECS and ELB write them (handler-wrapped messages, SDK request tails).
const handler = (message: string, code: string) =>
  `Resource handler returned message: "${message}" (RequestToken: 9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d, HandlerErrorCode: ${code})`;
const svc = { logicalId: 'Service', resourceType: 'AWS::ECS::Service' };

describe('failure sentences', () => {
  it('unwraps the handler message and the request tail, keeping the message', () => {
    assert.equal(
      cleanCloudFormationReason(handler('The maximum number of VPCs has been reached. (Service: Ec2, Status Code: 400, Request ID: 1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718)', 'ServiceLimitExceeded')),
      'The maximum number of VPCs has been reached.',
    );
    assert.equal(
      cleanCloudFormationReason('API: iam:CreateRole User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/x'),
      'API: iam:CreateRole User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/x',
    );
    assert.equal(cleanCloudFormationReason(CIRCUIT_BREAKER_REASON), "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.");
  });

  it('circuit breaker alone: the service never became stable, with the last stop reason when known', () => {
    const bare = explainResourceFailure({ ...svc, reason: CIRCUIT_BREAKER_REASON });
    assert.equal(bare.kind, 'circuit-breaker');
    assert.match(bare.sentence, /^The ECS service 'Service' never became stable: .*circuit breaker gave up\. Look at why the tasks stopped/);
    const withStop = explainResourceFailure({ ...svc, reason: CIRCUIT_BREAKER_REASON, evidence: ["Essential container 'backend' exited with code 1"] });
    assert.match(withStop.sentence, /The last task stopped because: Essential container 'backend' exited with code 1\./);
  });

  it('health checks: the codes the load balancer got and what they mean', () => {
    const e = explainResourceFailure({
      ...svc,
      reason: CIRCUIT_BREAKER_REASON,
      evidence: ['Target.ResponseCodeMismatch: Health checks failed with these codes: [404]', 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/goals-backend/6d0ecf831eec9f09)'],
    });
    assert.equal(e.kind, 'health-check');
    assert.match(e.sentence, /failing with HTTP 404: the app has no page at the health check path/);
    assert.match(e.sentence, /Set the health check path to one the app answers with 200/);
    assert.match(explainResourceFailure({ ...svc, reason: CIRCUIT_BREAKER_REASON, evidence: ['Health checks failed with these codes: [302]'] }).sentence, /redirects/);
    // The same, as an ECS service event says it.
    const event = explainResourceFailure({
      ...svc,
      reason: CIRCUIT_BREAKER_REASON,
      evidence: ['(service goals) (port 3000) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/goals-backend/6d0ecf831eec9f09) due to (reason Health checks failed with these codes: [502]).'],
    });
    assert.match(event.sentence, /with HTTP 502: the app fails on the health check path/);
    assert.match(explainResourceFailure({ ...svc, reason: CIRCUIT_BREAKER_REASON, evidence: ['Target.Timeout: Request timed out'] }).sentence, /timed out: .*0\.0\.0\.0/);
  });

  it('CannotPullContainerError: a missing image, the execution role, or no way out to ECR', () => {
    const img = '123456789012.dkr.ecr.us-east-1.amazonaws.com/goals-backend:latest';
    const missing = explainResourceFailure({
      ...svc,
      reason: CIRCUIT_BREAKER_REASON,
      evidence: [`CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${img}: ${img}: not found`],
    });
    assert.equal(missing.kind, 'image-missing');
    assert.match(missing.sentence, new RegExp(`${img.replace(/\./g, '\\.')} does not exist in the registry\\. Build and push it first`));

    const role = explainResourceFailure({
      ...svc,
      reason: CIRCUIT_BREAKER_REASON,
      evidence: [
        `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${img}: pulling from host 123456789012.dkr.ecr.us-east-1.amazonaws.com failed with status code [manifests latest]: 403 Forbidden`,
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/goals-ExecutionRole/abc is not authorized to perform: ecr:GetAuthorizationToken',
      ],
    });
    assert.equal(role.kind, 'image-pull-role');
    assert.match(role.sentence, /task execution role may not read it.*ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer/);

    const network = explainResourceFailure({
      ...svc,
      reason: CIRCUIT_BREAKER_REASON,
      evidence: [
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 52.46.147.111:443: i/o timeout. Please check your task network configuration.',
      ],
    });
    assert.equal(network.kind, 'no-internet-route');
    assert.match(network.sentence, /public IP and a route 0\.0\.0\.0\/0 to an internet gateway/);
  });

  it('a VPC without an internet gateway (from the recorded failed create)', () => {
    const u = new StackEventFollower({ clientRequestToken: NO_IGW_TOKEN }).observe(describeStackEventsAt(createFailsFast, at(60)).map((p) => p.StackEvents));
    const e = explainResourceFailure(u.firstFailure!);
    assert.equal(e.kind, 'no-internet-route');
    assert.match(e.sentence, /^The VPC vpc-0c8f4e2a1b3d5f607 has no internet gateway/);
    assert.equal(e.original, 'VPC vpc-0c8f4e2a1b3d5f607 has no internet gateway');
  });

  it('names already taken: the log group, the cluster', () => {
    const lg = explainResourceFailure({
      logicalId: 'LogGroup',
      resourceType: 'AWS::Logs::LogGroup',
      reason: handler("Resource of type 'AWS::Logs::LogGroup' with identifier '/ecs/goals' already exists.", 'AlreadyExists'),
    });
    assert.equal(lg.kind, 'name-taken');
    assert.match(lg.sentence, /^The log group 'LogGroup' could not be made: \/ecs\/goals already exists outside this stack/);
    assert.match(lg.sentence, /aws logs delete-log-group/);
    const cluster = explainResourceFailure({ logicalId: 'Cluster', resourceType: 'AWS::ECS::Cluster', reason: handler("Resource of type 'AWS::ECS::Cluster' with identifier 'goals' already exists.", 'AlreadyExists') });
    assert.match(cluster.sentence, /^The ECS cluster 'Cluster' could not be made: goals already exists/);
    assert.equal(explainResourceFailure({ logicalId: 'TargetGroup', resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup', reason: "A target group with the same name 'goals-backend' exists, but with different settings" }).kind, 'name-taken');
  });

  it('quotas', () => {
    for (const reason of [
      handler('The maximum number of VPCs has been reached. (Service: Ec2, Status Code: 400, Request ID: 1f2e3d4c)', 'ServiceLimitExceeded'),
      handler('You have reached the maximum number of load balancers allowed for your account (Service: ElasticLoadBalancingV2, Status Code: 400, Request ID: 2a3b)', 'ServiceLimitExceeded'),
      'LimitExceededException: Limit of 50 file systems reached',
    ]) {
      const e = explainResourceFailure({ logicalId: 'X', resourceType: 'AWS::EC2::VPC', reason });
      assert.equal(e.kind, 'quota', reason);
      assert.match(e.sentence, /reached an AWS quota .*Service Quotas console/);
    }
  });

  it('access denied names the missing permission and who lacks it', () => {
    const e = explainResourceFailure({
      logicalId: 'LoadBalancer',
      resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      reason: handler(
        'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: elasticloadbalancing:CreateLoadBalancer on resource: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/goals/* because no identity-based policy allows the elasticloadbalancing:CreateLoadBalancer action (Service: ElasticLoadBalancingV2, Status Code: 403, Request ID: 3c4d)',
        'AccessDenied',
      ),
    });
    assert.equal(e.kind, 'access-denied');
    assert.equal(
      e.sentence,
      "The Application Load Balancer 'LoadBalancer' could not be made: arn:aws:iam::123456789012:user/dev may not elasticloadbalancing:CreateLoadBalancer. Add elasticloadbalancing:CreateLoadBalancer to its IAM policy (the README lists the permissions launching needs), or use a profile that has it.",
    );
    assert.equal(deniedAction('API: iam:PassRole User: arn:aws:iam::1:user/x is not authorized to perform: iam:PassRole on resource: r'), 'iam:PassRole');
    assert.equal(explainResourceFailure({ logicalId: 'R', resourceType: 'AWS::IAM::Role', reason: 'Access Denied' }).kind, 'access-denied');
  });

  it('an unusable certificate', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
    const e = explainResourceFailure({
      logicalId: 'HttpsListener',
      resourceType: 'AWS::ElasticLoadBalancingV2::Listener',
      reason: handler(`Certificate '${arn}' not found (Service: ElasticLoadBalancingV2, Status Code: 400, Request ID: 4d5e)`, 'NotFound'),
    });
    assert.equal(e.kind, 'certificate');
    assert.equal(e.sentence, `The load balancer cannot use the certificate ${arn}: Certificate '${arn}' not found. Use an ACM certificate that is issued (validated), in the stack's region, and covers the app's domain.`);
  });

  it('anything else keeps CloudFormation\'s text', () => {
    const e = explainResourceFailure({ logicalId: 'DataMountTarget1', resourceType: 'AWS::EFS::MountTarget', reason: handler('mount target already exists in this AZ', 'GeneralServiceException').replace('already exists', 'conflicts') });
    assert.equal(e.kind, 'other');
    assert.equal(e.sentence, "The EFS mount target 'DataMountTarget1' failed: mount target conflicts in this AZ.");
  });

  it('the whole outcome of the recorded failed create: first failure, then the rollback and the data kept', () => {
    const u = new StackEventFollower({ clientRequestToken: FAILED_CREATE_TOKEN }).observe(describeStackEventsAt(createRollsBack, at(1000)).map((p) => p.StackEvents));
    const text = explainStackFailure(u, ['Target.ResponseCodeMismatch: Health checks failed with these codes: [404]']);
    assert.match(text, /^The load balancer's health checks kept failing with HTTP 404/);
    assert.match(text, /CloudFormation rolled the launch back and deleted what it had made, except the EFS file system fs-0123456789abcdef0, which is kept with its data\./);
  });

  it('the recorded update that rolled back: the app runs as before', () => {
    const f = new StackEventFollower({ clientRequestToken: UPDATE_TOKEN });
    const u = f.observe(describeStackEventsAt([...createSucceeds, ...updateRollsBack], at(5000)).map((p) => p.StackEvents));
    assert.equal(
      explainStackFailure(u),
      "The ECS service 'Service' never became stable: its tasks kept stopping, so ECS's deployment circuit breaker gave up. Look at why the tasks stopped (the app's logs, the stopped tasks) and fix that before launching again. CloudFormation rolled the update back: the app runs as it did before.",
    );
  });

  it('a delete blocked by something still using a security group (from the recorded failed delete)', () => {
    const u = new StackEventFollower({ clientRequestToken: FAILED_DELETE_TOKEN }).observe(describeStackEventsAt([...createSucceeds, ...deleteFails], at(8000)).map((p) => p.StackEvents));
    assert.equal(
      explainStackFailure(u),
      "The security group 'ServiceSecurityGroup' could not be deleted: something still uses it (resource sg-0a1b2c3d4e5f60002 has a dependent object). Network interfaces of stopped tasks take a few minutes to go; wait, or remove what uses it, then delete the app again. The stack could not be deleted completely (DELETE_FAILED): remove what blocks it, then delete the app again.",
    );
    const denied = explainResourceFailure({ logicalId: 'Cluster', resourceType: 'AWS::ECS::Cluster', status: 'DELETE_FAILED', reason: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:DeleteCluster on resource: goals' });
    assert.match(denied.sentence, /^The ECS cluster 'Cluster' could not be deleted: arn:aws:iam::123456789012:user\/dev may not ecs:DeleteCluster\./);
  });

  it('without a resource failure, the stack\'s own reason', () => {
    assert.equal(explainStackFailure({ stackStatus: 'DELETE_FAILED', stackReason: 'The following resource(s) failed to delete: [Cluster].' }),
      'The stack failed: The following resource(s) failed to delete: [Cluster]. The stack could not be deleted completely (DELETE_FAILED): remove what blocks it, then delete the app again.');
    assert.equal(rollbackSentence('CREATE_COMPLETE'), undefined);
    assert.match(rollbackSentence('UPDATE_ROLLBACK_FAILED')!, /Continue update rollback/);
  });
});
