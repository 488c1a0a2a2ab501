import {
  DeleteParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  PutParameterCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { chunk } from '../core/chunk';
import { isAwsError } from '../core/awsErrors';

/** DeleteParameters takes at most 10 names a call. */
const DELETE_BATCH = 10;

/** A SecureString's current value, or undefined when there is none. */
export async function secureValue(ssm: SSMClient, name: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }), { abortSignal: signal });
    return out.Parameter?.Value;
  } catch (err) {
    if (isAwsError(err, 'ParameterNotFound')) return undefined;
    throw err;
  }
}

/** Writes a SecureString only when its value differs; true when written. */
export async function putSecureValue(ssm: SSMClient, name: string, value: string, tags: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<boolean> {
  const current = await secureValue(ssm, name, signal);
  if (current === value) return false;
  if (current === undefined) {
    await ssm.send(
      new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
      { abortSignal: signal },
    );
  } else {
    // Tags cannot be sent with Overwrite; the parameter kept the ones it was created with.
    await ssm.send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString', Overwrite: true }), { abortSignal: signal });
  }
  return true;
}

/** Names of the parameters under a path (values are not read). */
export async function parameterNamesUnder(ssm: SSMClient, path: string, signal?: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const out = await ssm.send(new GetParametersByPathCommand({ Path: path, Recursive: true, NextToken: token }), { abortSignal: signal });
    names.push(...(out.Parameters ?? []).map((p) => p.Name ?? '').filter(Boolean));
    token = out.NextToken;
  } while (token);
  return names;
}

export async function deleteParameters(ssm: SSMClient, names: readonly string[], signal?: AbortSignal): Promise<void> {
  for (const batch of chunk(names, DELETE_BATCH)) {
    await ssm.send(new DeleteParametersCommand({ Names: batch }), { abortSignal: signal });
  }
}
