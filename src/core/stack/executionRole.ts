import { sub, type StackTemplate } from './cfn';
import { referencedSecretResources } from './stackSecrets';

/**
 * The task execution role: pull from ECR and write logs (AWS's managed policy), read the app's
 * own parameters (exactly its path), and whatever `x-ecs.secrets` entries point at.
 */
export function addExecutionRole(t: StackTemplate, parameterPath: string, referencedSecrets: readonly string[], tags: unknown): void {
  const referenced = referencedSecretResources(referencedSecrets);
  const statements: unknown[] = [
    {
      Effect: 'Allow',
      Action: 'ssm:GetParameters',
      Resource: [sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${parameterPath}/*`), ...referenced.ssm],
    },
  ];
  if (referenced.secretsManager.length) statements.push({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: referenced.secretsManager });
  t.Resources.ExecutionRole = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')],
      Policies: [{ PolicyName: 'read-app-secrets', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      Tags: tags,
    },
  };
}
