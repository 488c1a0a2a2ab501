import * as path from 'node:path';
import type { KeyValuePair, Secret } from '@aws-sdk/client-ecs';
import type { SourcePos } from './diagnostics';
import { parseEnvFile } from './envFile';
import { rewriteHosts } from './hosts';
import { listToMap } from './listOrMap';
import { bool, get, isMap, isSeq, text, type CNode } from './node';
import { baseDirFor, type ServiceContext } from './renderContext';
import { maskValue, secretReason } from './secrets';

/** Variables whose "development" value turns on dev-only behaviour in common frameworks. */
const DEV_ENVIRONMENTS = new Set(['NODE_ENV', 'RAILS_ENV', 'RACK_ENV', 'FLASK_ENV', 'APP_ENV', 'ASPNETCORE_ENVIRONMENT', 'MIX_ENV']);

/** Each framework's own word for production (the rest say "production"). */
const PRODUCTION_VALUES: Readonly<Record<string, string>> = { ASPNETCORE_ENVIRONMENT: 'Production', MIX_ENV: 'prod' };

interface EnvValue {
  value: string;
  pos: SourcePos;
}

/**
 * `env_file` (read through the injected reader), `environment`, then `x-ecs.environment` → sorted `environment`;
 * service-name hosts rewritten to localhost (each reported); `x-ecs.secrets` → `secrets`;
 * other secret-looking values warned about.
 */
export function renderEnvironment(ctx: ServiceContext): { environment: KeyValuePair[]; secrets: Secret[] } {
  const vars = new Map<string, EnvValue>();
  for (const [name, v] of readEnvFiles(ctx)) vars.set(name, v);
  const envNode = get(ctx.svc, 'environment');
  if (envNode) {
    const map = listToMap(envNode);
    if (!isMap(map)) ctx.diags.error(envNode.pos, '"environment" must be a mapping or a list of NAME=VALUE', 'environment');
    else {
      for (const e of map.entries.values()) {
        if (isMap(e.value) || isSeq(e.value)) {
          ctx.diags.error(e.value.pos, `environment ${e.key} must be a single value`, 'environment');
          continue;
        }
        const given = e.value.kind === 'scalar' && e.value.value !== null ? String(e.value.value) : undefined;
        // "NAME" alone (or "NAME:" with no value) takes the variable from the environment Compose runs in.
        const value = given ?? ctx.env[e.key];
        if (value === undefined) {
          ctx.diags.info(e.value.pos, `environment ${e.key} has no value and is not set where the tool runs: it is left out`, 'unset-variable');
          vars.delete(e.key);
          continue;
        }
        vars.set(e.key, { value, pos: e.value.pos });
      }
    }
  }
  // x-ecs.environment: values for ECS only (Compose ignores x- keys), over everything else.
  const ecsOnly = get(ctx.xEcs, 'environment');
  if (ecsOnly) {
    const map = listToMap(ecsOnly);
    if (!isMap(map)) ctx.diags.error(ecsOnly.pos, 'x-ecs environment must be a mapping or a list of NAME=VALUE', 'x-ecs');
    else {
      for (const e of map.entries.values()) {
        const value = e.value.kind === 'scalar' && e.value.value !== null ? String(e.value.value) : undefined;
        if (value === undefined) ctx.diags.error(e.value.pos, `x-ecs environment ${e.key} must be a single value`, 'x-ecs');
        else vars.set(e.key, { value, pos: e.value.pos });
      }
    }
  }

  const secretRefs = secretReferences(ctx);
  const environment: KeyValuePair[] = [];
  for (const [name, v] of [...vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (secretRefs.has(name)) continue;
    const r = rewriteHosts(v.value, ctx.hosts, name);
    if (r.changed) {
      ctx.diags.info(
        v.pos,
        `${name}: ${maskValue(name, v.value)} → ${maskValue(name, r.value)} (containers of one task reach each other at localhost)`,
        'host-rewrite',
      );
    }
    const off = rewriteHosts(r.value, ctx.project.disabledServiceNames, name);
    if (off.changed) {
      const start = `${name} refers to a service that is not enabled (its profile is off): that container is not in the task; `;
      ctx.diags.warn(v.pos, { cli: `${start}pass --profile to include it`, editor: `${start}to include it, add COMPOSE_PROFILES with its profile to the project's .env file` }, 'disabled-service');
    }
    if (DEV_ENVIRONMENTS.has(name) && /^(dev|development|debug)$/i.test(r.value)) {
      const production = PRODUCTION_VALUES[name] ?? 'production';
      const start = `${name}=${r.value} is a development setting: ECS runs it as it is; `;
      ctx.diags.warn(
        v.pos,
        { cli: `${start}set the production value in an override file`, editor: `${start}set the production value for ECS only with "x-ecs: {environment: {${name}: ${production}}}" on "${ctx.name}" (quick fix)` },
        'dev-environment',
        { service: ctx.name, variable: name, value: production },
      );
    }
    const why = secretReason(name, r.value);
    if (why) {
      ctx.diags.warn(
        v.pos,
        `${name} looks secret (${why}) and would be stored in plain text in the task definition: move it to "x-ecs: {secrets: {${name}: <SSM parameter or Secrets Manager ARN>}}"`,
        'secret-in-environment',
        { service: ctx.name, variable: name },
      );
    }
    environment.push({ name, value: r.value });
  }
  const secrets = [...secretRefs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, valueFrom]) => ({ name, valueFrom }));
  return { environment, secrets };
}

function readEnvFiles(ctx: ServiceContext): Map<string, EnvValue> {
  const out = new Map<string, EnvValue>();
  const node = get(ctx.svc, 'env_file');
  if (!node) return out;
  const items: CNode[] = isSeq(node) ? node.items : [node];
  for (const item of items) {
    const rel = isMap(item) ? text(get(item, 'path')) : text(item);
    const required = isMap(item) ? (bool(get(item, 'required')) ?? true) : true;
    if (!rel) {
      ctx.diags.error(item.pos, 'env_file entries are paths, or {path, required}', 'env-file');
      continue;
    }
    const file = path.resolve(baseDirFor(ctx, item.pos.file), rel);
    const source = ctx.readFile(file);
    if (source === undefined) {
      if (required) ctx.diags.error(item.pos, `env_file ${rel} not found (looked for ${file}): create it or remove it from "${ctx.name}"`, 'missing-env-file');
      else ctx.diags.info(item.pos, `optional env_file ${rel} not found: skipped`, 'missing-env-file');
      continue;
    }
    for (const e of parseEnvFile(file, source, ctx.env, ctx.diags)) out.set(e.name, { value: e.value, pos: e.pos });
  }
  return out;
}

/** `x-ecs: {secrets: {NAME: valueFrom}}` of the service. */
function secretReferences(ctx: ServiceContext): Map<string, string> {
  const out = new Map<string, string>();
  const node = get(ctx.xEcs, 'secrets');
  if (!node) return out;
  if (!isMap(node)) {
    ctx.diags.error(node.pos, 'x-ecs secrets must map NAME to an SSM parameter name or ARN, or a Secrets Manager ARN', 'x-ecs');
    return out;
  }
  for (const e of node.entries.values()) {
    const from = text(e.value);
    if (!from || !/^(arn:aws[a-z-]*:(ssm|secretsmanager):|\/?[A-Za-z0-9_.\-/]+$)/.test(from)) {
      ctx.diags.error(e.value.pos, `x-ecs secret ${e.key} must be an SSM parameter name or ARN, or a Secrets Manager ARN`, 'x-ecs');
      continue;
    }
    out.set(e.key, from);
  }
  return out;
}

