import { secretReason } from '../compose/secrets';
import { sub } from './cfn';

/** A secret-looking variable the stack reads from SSM Parameter Store instead of the template. */
export interface StackSecret {
  readonly container: string;
  readonly variable: string;
  /** e.g. /ecs-deploy/prod/shop/DB_PASSWORD; the same for every container with the same variable and value. */
  readonly parameterName: string;
  /** For `up` to store as a SecureString; never written into the template. */
  readonly value: string;
}

interface CfnKeyValue {
  Name: string;
  Value?: string;
  ValueFrom?: unknown;
}
interface CfnContainer {
  Name: string;
  Environment?: CfnKeyValue[];
  Secrets?: CfnKeyValue[];
}

/** SSM parameter names allow letters, digits and "_.-/". */
const parameterPart = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

/** The ARN of an SSM parameter of this account and region, from pseudo parameters. */
export const parameterArn = (name: string) => sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${name.replace(/^\//, '')}`);

/**
 * Moves every secret-looking variable (render's rule) of the containers out of `Environment`
 * into `Secrets`, read from `<parameterPath>/<NAME>` (`<parameterPath>/<container>/<NAME>` when
 * containers hold different values under one name). Returns what `up` must store.
 */
export function moveSecretsToParameters(containers: CfnContainer[], parameterPath: string): StackSecret[] {
  const found: Array<{ c: CfnContainer; name: string; value: string }> = [];
  for (const c of containers) {
    for (const e of c.Environment ?? []) if (e.Value !== undefined && secretReason(e.Name, e.Value)) found.push({ c, name: e.Name, value: e.Value });
  }
  const values = new Map<string, Set<string>>();
  for (const f of found) values.set(f.name, (values.get(f.name) ?? new Set()).add(f.value));
  const secrets: StackSecret[] = [];
  for (const f of found) {
    const shared = values.get(f.name)!.size === 1;
    const parameterName = `${parameterPath}/${shared ? '' : `${parameterPart(f.c.Name)}/`}${parameterPart(f.name)}`;
    f.c.Environment = f.c.Environment!.filter((e) => e.Name !== f.name);
    f.c.Secrets = [...(f.c.Secrets ?? []), { Name: f.name, ValueFrom: parameterArn(parameterName) }].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
    secrets.push({ container: f.c.Name, variable: f.name, parameterName, value: f.value });
  }
  for (const c of containers) if (c.Environment?.length === 0) delete c.Environment;
  return secrets;
}

/**
 * What the execution role must be allowed to read for `x-ecs.secrets` entries that point
 * elsewhere: SSM parameters (by name or ARN) and Secrets Manager secrets.
 */
export function referencedSecretResources(valueFroms: readonly string[]): { ssm: unknown[]; secretsManager: string[] } {
  const ssm: unknown[] = [];
  const secretsManager: string[] = [];
  for (const v of new Set(valueFroms)) {
    if (/^arn:aws[a-z-]*:secretsmanager:/.test(v)) {
      // A valueFrom may add ":json-key:version-stage:version-id"; the secret is the first 7 fields.
      const arn = v.split(':').slice(0, 7).join(':');
      secretsManager.push(/-[A-Za-z0-9]{6}$/.test(arn) ? arn : `${arn}-??????`);
    } else if (/^arn:aws[a-z-]*:ssm:/.test(v)) ssm.push(v);
    else ssm.push(parameterArn(v));
  }
  return { ssm, secretsManager };
}
