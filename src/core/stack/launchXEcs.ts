import { isMap, parseDocument } from 'yaml';
import { LAUNCH_OPTION_NAMES, type LaunchKey, type LaunchOptions } from './launchOptions';

/**
 * Writes launch answers into the compose file's top-level `x-ecs` (comments and the rest of the
 * file kept by the yaml library), so the next launch — or `ecs-deploy up` in CI — does the same.
 * Keys the answers leave undefined are removed; other x-ecs keys stay. Undefined when the file
 * does not parse.
 */
export function withLaunchXEcs(source: string, answers: LaunchOptions): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  for (const key of Object.keys(LAUNCH_OPTION_NAMES) as LaunchKey[]) {
    if (key === 'logRetentionDays') continue; // not asked by the editor: keep what the file says
    const path = ['x-ecs', ...LAUNCH_OPTION_NAMES[key].xEcs.split('.')];
    const value = answers[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (doc.hasIn(path)) doc.deleteIn(path);
    } else {
      doc.setIn(path, Array.isArray(value) ? doc.createNode(value, { flow: true }) : value);
    }
  }
  const scaling = doc.getIn(['x-ecs', 'scaling'], true);
  if (isMap(scaling) && scaling.items.length === 0) doc.deleteIn(['x-ecs', 'scaling']);
  const xEcs = doc.getIn(['x-ecs'], true);
  if (isMap(xEcs) && xEcs.items.length === 0) doc.deleteIn(['x-ecs']);
  return doc.toString();
}

/** True when the file already has a top-level `x-ecs` (then the editor shows a diff first). */
export function hasXEcs(source: string): boolean {
  const doc = parseDocument(source);
  return !doc.errors.length && doc.hasIn(['x-ecs']);
}
