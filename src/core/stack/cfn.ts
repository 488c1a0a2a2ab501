/** The CloudFormation template as a plain JSON-able object, and the intrinsic functions it uses. */
export interface StackTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters?: Record<string, StackParameter>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, StackResource>;
  Outputs?: Record<string, StackOutput>;
}

export interface StackParameter {
  Type: string;
  Description: string;
  Default?: string;
  AllowedValues?: string[];
}

export interface StackResource {
  Type: string;
  Condition?: string;
  DependsOn?: string[];
  DeletionPolicy?: 'Retain' | 'Delete';
  UpdateReplacePolicy?: 'Retain' | 'Delete';
  Properties: Record<string, unknown>;
}

export interface StackOutput {
  Description: string;
  Value: unknown;
}

export const ref = (logicalId: string) => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
/** `Fn::Sub`: `${AWS::Region}`, `${Resource.Attr}`… in the text are filled in by CloudFormation. */
export const sub = (text: string) => ({ 'Fn::Sub': text });
export const select = (index: number, list: unknown) => ({ 'Fn::Select': [index, list] });
export const join = (separator: string, parts: unknown[]) => ({ 'Fn::Join': [separator, parts] });
export const ifCondition = (condition: string, whenTrue: unknown, whenFalse: unknown) => ({ 'Fn::If': [condition, whenTrue, whenFalse] });

/** The tag every resource of an app carries, so its resources can be found and told apart. */
export const APP_TAG_KEY = 'ecs-deploy:app';
export const appTags = (appId: string): Array<{ Key: string; Value: string }> => [{ Key: APP_TAG_KEY, Value: appId }];

/** The cluster and service an app stack was made for, from its `ecs-deploy:app` tag ("cluster/service"). */
export function appOfStack(tags: readonly { Key?: string; Value?: string }[] | undefined): { cluster: string; service: string } | undefined {
  const v = tags?.find((t) => t.Key === APP_TAG_KEY)?.Value;
  const at = v?.lastIndexOf('/') ?? -1;
  return v && at > 0 ? { cluster: v.slice(0, at), service: v.slice(at + 1) } : undefined;
}
