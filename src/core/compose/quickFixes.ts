import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

/**
 * Edits behind the editor's quick fixes, on the compose text itself (comments kept by the
 * yaml library). Each returns the new text, or undefined when the fix does not apply.
 */

/** Removes the `volumes` item of `service` that starts on `line` (1-based), e.g. a bind mount. */
export function removeVolumeAtLine(source: string, service: string, line: number): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length) return undefined;
  const volumes = doc.getIn(['services', service, 'volumes'], true);
  if (!isSeq(volumes)) return undefined;
  const starts = lineStarts(source);
  const index = volumes.items.findIndex((item) => {
    const offset = (item as { range?: [number, number, number] }).range?.[0];
    return offset !== undefined && lineOf(starts, offset) === line;
  });
  if (index < 0) return undefined;
  volumes.items.splice(index, 1);
  if (volumes.items.length === 0) doc.deleteIn(['services', service, 'volumes']);
  return doc.toString();
}

/**
 * Moves `variable` of `service` out of `environment` into `x-ecs.secrets`, pointing at
 * `valueFrom` (an SSM parameter name or ARN the user then creates or edits).
 */
export function moveVariableToSecrets(source: string, service: string, variable: string, valueFrom: string): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length || !isMap(doc.getIn(['services', service], true))) return undefined;
  removeFromEnvironment(doc, service, variable);
  doc.setIn(['services', service, 'x-ecs', 'secrets', variable], valueFrom);
  return doc.toString();
}

/** Sets the top-level `x-ecs.executionRoleArn` (the task's execution role). */
export function setExecutionRole(source: string, roleArn: string): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  doc.setIn(['x-ecs', 'executionRoleArn'], roleArn);
  return doc.toString();
}

/** Sets `x-ecs.<key>` of `service` (e.g. command, or environment.NODE_ENV), creating x-ecs as needed. */
export function setServiceExtension(source: string, service: string, keyPath: readonly string[], value: unknown): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length || !isMap(doc.getIn(['services', service], true))) return undefined;
  const node = doc.createNode(value);
  // Lists read best in flow style: command: [node, app.js]
  if (isSeq(node)) node.flow = true;
  doc.setIn(['services', service, 'x-ecs', ...keyPath], node);
  return doc.toString();
}

function removeFromEnvironment(doc: Document, service: string, variable: string): void {
  const env = doc.getIn(['services', service, 'environment'], true);
  if (isMap(env)) doc.deleteIn(['services', service, 'environment', variable]);
  else if (isSeq(env)) {
    const i = env.items.findIndex((it) => isScalar(it) && (String(it.value) === variable || String(it.value).startsWith(`${variable}=`)));
    if (i >= 0) env.items.splice(i, 1);
  }
}

/** Deletes the `NAME=…` line of an env file, for a variable moved to secrets. */
export function removeEnvFileLine(source: string, variable: string): string {
  const re = new RegExp(`^\\s*(export\\s+)?${variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=.*(\\r?\\n|$)`, 'm');
  return source.replace(re, '');
}

function lineStarts(s: string): number[] {
  const out = [0];
  for (let i = 0; i < s.length; i++) if (s[i] === '\n') out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
