import type { HealthCheck } from '@aws-sdk/client-ecs';
import { parseDurationSeconds } from './duration';
import { bool, get, isMap, isSeq, text, type CNode } from './node';
import type { ServiceContext } from './renderContext';

/** ECS's allowed ranges (seconds, except retries). */
export const HEALTH_LIMITS = {
  interval: [5, 300],
  timeout: [2, 60],
  retries: [1, 10],
  start_period: [0, 300],
} as const;

const FIELD = { interval: 'interval', timeout: 'timeout', retries: 'retries', start_period: 'startPeriod' } as const;

/** `healthcheck` → healthCheck; out-of-range values move to the nearest allowed one, with a warning naming the limit. */
export function renderHealthCheck(ctx: ServiceContext): HealthCheck | undefined {
  const hc = get(ctx.svc, 'healthcheck');
  if (!hc) return undefined;
  if (!isMap(hc)) {
    ctx.diags.error(hc.pos, '"healthcheck" must be a mapping with "test"', 'healthcheck');
    return undefined;
  }
  if (bool(get(hc, 'disable'))) return undefined;
  const testNode = get(hc, 'test');
  const command = healthCommand(testNode);
  if (command === 'none') return undefined;
  if (!command) {
    ctx.diags.error(testNode?.pos ?? hc.pos, 'healthcheck "test" must be ["CMD", …], ["CMD-SHELL", "…"] or a shell command string', 'healthcheck');
    return undefined;
  }
  const out: HealthCheck = { command };
  for (const key of Object.keys(FIELD) as Array<keyof typeof FIELD>) {
    const node = get(hc, key);
    if (!node) continue;
    const raw = text(node);
    const value = raw === undefined ? undefined : key === 'retries' ? (/^\d+$/.test(raw) ? Number(raw) : undefined) : parseDurationSeconds(raw);
    if (value === undefined) {
      ctx.diags.error(node.pos, `healthcheck ${key} "${raw ?? ''}" is not ${key === 'retries' ? 'a whole number' : 'a duration such as 30s or 1m30s'}`, 'healthcheck');
      continue;
    }
    const [min, max] = HEALTH_LIMITS[key];
    const whole = Math.round(value);
    const clamped = Math.min(max, Math.max(min, whole));
    if (clamped !== whole) {
      const unit = key === 'retries' ? '' : ' s';
      ctx.diags.warn(
        node.pos,
        `healthcheck ${key} ${raw} is ${whole < min ? 'below' : 'above'} ECS's ${whole < min ? 'minimum' : 'maximum'} of ${whole < min ? min : max}${unit}: ${clamped}${unit} is used`,
        'healthcheck-clamped',
      );
    }
    out[FIELD[key]] = clamped;
  }
  const startInterval = get(hc, 'start_interval');
  if (startInterval) ctx.diags.info(startInterval.pos, 'healthcheck start_interval has no ECS equivalent: it is ignored', 'ignored-key');
  return out;
}

function healthCommand(test: CNode | undefined): string[] | 'none' | undefined {
  if (isSeq(test)) {
    const words = test.items.map(text);
    if (words.some((w) => w === undefined) || words.length === 0) return undefined;
    const [kind, ...rest] = words as string[];
    if (kind === 'NONE') return 'none';
    if (kind === 'CMD' && rest.length > 0) return ['CMD', ...rest];
    if (kind === 'CMD-SHELL' && rest.length > 0) return ['CMD-SHELL', rest.join(' ')];
    return undefined;
  }
  const s = text(test);
  return s && s.trim() ? ['CMD-SHELL', s] : undefined;
}
