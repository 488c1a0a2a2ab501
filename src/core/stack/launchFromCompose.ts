import type { DiagnosticBag, SourcePos } from '../compose/diagnostics';
import { get, isMap, isSeq, text, type CNode } from '../compose/node';
import { LAUNCH_OPTION_NAMES, launchValueProblem, type LaunchKey, type LaunchOptions } from './launchOptions';

/** Keys of the top-level `x-ecs` that render reads (the task); the schema lists the same. */
export const TASK_X_ECS_KEYS = ['family', 'cpu', 'memory', 'executionRoleArn', 'taskRoleArn', 'efs'] as const;
/** Keys of the top-level `x-ecs` that the app's stack reads. */
export const LAUNCH_X_ECS_KEYS = ['service', 'cluster', 'port', 'healthCheckPath', 'certificateArn', 'desiredCount', 'scaling', 'vpc', 'subnets', 'ephemeral', 'logRetentionDays'] as const;
const SCALING_KEYS = ['min', 'max', 'cpuTarget'] as const;

/** Launch options from the compose file, with the line of each. */
export interface ComposeLaunch {
  readonly options: LaunchOptions;
  readonly positions: Partial<Record<LaunchKey, SourcePos>>;
}

/** Reads the launch keys of the top-level `x-ecs`; bad values are errors on their line and left out. */
export function launchFromCompose(xEcs: CNode | undefined, diags: DiagnosticBag): ComposeLaunch {
  const options: LaunchOptions = {};
  const positions: Partial<Record<LaunchKey, SourcePos>> = {};
  if (!xEcs) return { options, positions };
  if (!isMap(xEcs)) {
    diags.error(xEcs.pos, 'the top-level x-ecs must be a mapping', 'x-ecs');
    return { options, positions };
  }
  const known = new Set<string>([...TASK_X_ECS_KEYS, ...LAUNCH_X_ECS_KEYS]);
  for (const e of xEcs.entries.values()) {
    if (!known.has(e.key)) diags.warn(e.keyPos, `unknown x-ecs key "${e.key}" is ignored (known: ${[...known].join(', ')})`, 'x-ecs');
  }
  type Read<T> = { value: T } | { problem: string };
  const take = <K extends LaunchKey>(key: K, node: CNode | undefined, read: (n: CNode) => Read<NonNullable<LaunchOptions[K]>>) => {
    if (!node) return;
    const label = `x-ecs ${LAUNCH_OPTION_NAMES[key].xEcs}`;
    const r = read(node);
    const problem = 'problem' in r ? r.problem : launchValueProblem(key, r.value);
    if (problem || !('value' in r)) {
      diags.error(node.pos, `${label} ${problem}`, 'x-ecs');
      return;
    }
    options[key] = r.value;
    positions[key] = node.pos;
  };
  const shown = (n: CNode) => text(n) ?? (isSeq(n) ? 'a list' : isMap(n) ? 'a mapping' : 'empty');
  const str = (n: CNode): Read<string> => {
    const t = text(n);
    return t !== undefined ? { value: t } : { problem: `must be a single value, not ${shown(n)}` };
  };
  const whole = (n: CNode): Read<number> => {
    const t = text(n);
    return t !== undefined && /^\d+$/.test(t) ? { value: Number(t) } : { problem: `must be a whole number, not '${shown(n)}'` };
  };
  const num = (n: CNode): Read<number> => {
    const t = text(n);
    return t !== undefined && /^\d+(\.\d+)?$/.test(t) ? { value: Number(t) } : { problem: `must be a number, not '${shown(n)}'` };
  };
  const names = (n: CNode): Read<string[]> => {
    const items = isSeq(n) ? n.items.map(text) : [];
    return isSeq(n) && items.every((s): s is string => s !== undefined) ? { value: items } : { problem: 'must be a list of names, e.g. [mongo-data]' };
  };
  take('service', get(xEcs, 'service'), str);
  take('cluster', get(xEcs, 'cluster'), str);
  take('vpc', get(xEcs, 'vpc'), str);
  take('subnets', get(xEcs, 'subnets'), names);
  take('port', get(xEcs, 'port'), str);
  take('healthCheckPath', get(xEcs, 'healthCheckPath'), str);
  take('certificateArn', get(xEcs, 'certificateArn'), str);
  take('desired', get(xEcs, 'desiredCount'), whole);
  take('ephemeral', get(xEcs, 'ephemeral'), names);
  take('logRetentionDays', get(xEcs, 'logRetentionDays'), whole);
  const scaling = get(xEcs, 'scaling');
  if (scaling && !isMap(scaling)) diags.error(scaling.pos, 'x-ecs scaling must be a mapping: {min: N, max: N, cpuTarget: PCT}', 'x-ecs');
  if (isMap(scaling)) {
    for (const e of scaling.entries.values()) {
      if (!(SCALING_KEYS as readonly string[]).includes(e.key)) diags.warn(e.keyPos, `unknown x-ecs scaling key "${e.key}" is ignored (known: ${SCALING_KEYS.join(', ')})`, 'x-ecs');
    }
    take('min', get(scaling, 'min'), whole);
    take('max', get(scaling, 'max'), whole);
    take('cpuTarget', get(scaling, 'cpuTarget'), num);
  }
  return { options, positions };
}
