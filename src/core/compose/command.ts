import { shellSplit } from './commandLine';
import { productionCommand } from './devCommand';
import { rewriteHosts, type HostRewrite } from './hosts';
import { get, isSeq, text, type CNode } from './node';
import type { ServiceContext } from './renderContext';

/**
 * `command` / `entrypoint` → argv lists. `x-ecs.command` / `x-ecs.entrypoint` win outright;
 * otherwise dev watchers are replaced where the production form is clear (else flagged), and
 * service-name hosts in arguments become localhost. Every change is a diagnostic.
 */
export function renderCommand(ctx: ServiceContext, key: 'command' | 'entrypoint'): string[] | undefined {
  const override = get(ctx.xEcs, key);
  if (override) return argv(override, ctx, `x-ecs ${key}`);
  const node = get(ctx.svc, key);
  if (!node) return undefined;
  let words = argv(node, ctx, key);
  if (!words) return undefined;
  const dev = productionCommand(words);
  if (dev.kind === 'rewritten') {
    ctx.diags.warn(
      node.pos,
      `${key} "${words.join(' ')}" → "${dev.argv.join(' ')}": ${dev.note}. To run something else on ECS, set "x-ecs: {${key}: […]}" on "${ctx.name}"`,
      'dev-command',
      // The quick fix writes the production form as x-ecs.<key>, which ends the warning.
      { service: ctx.name, key, argv: JSON.stringify(dev.argv) },
    );
    words = dev.argv;
  } else if (dev.kind === 'flagged') {
    ctx.diags.warn(node.pos, `${dev.note}: kept as it is; set the production command with "x-ecs: {${key}: […]}" on "${ctx.name}"`, 'dev-command', {
      service: ctx.name,
      key,
    });
  }
  return words.map((w, i) => {
    const r = rewriteArgument(w, words[i - 1], ctx.hosts);
    if (r.changed) ctx.diags.info(node.pos, `${key} argument ${w} → ${r.value} (containers of one task reach each other at localhost)`, 'host-rewrite');
    return r.value;
  });
}

/**
 * An argument's hosts: the value of an option is read like a variable of the option's name
 * ("--db-host db" and "-h db" are hosts, "--password grafana" never is), other words for URLs
 * and host:port pairs only.
 */
export function rewriteArgument(word: string, previous: string | undefined, hosts: ReadonlySet<string>): HostRewrite {
  const inline = /^(--[A-Za-z][\w.-]*)=/.exec(word);
  if (inline) {
    const r = rewriteHosts(word.slice(inline[0].length), hosts, inline[1].slice(2));
    return { value: inline[0] + r.value, changed: r.changed };
  }
  // -h is the host option of psql, mysql, redis-cli, pg_isready…
  const option = previous === '-h' ? 'host' : /^--([A-Za-z][\w.-]*)$/.exec(previous ?? '')?.[1];
  return rewriteHosts(word, hosts, option);
}

function argv(node: CNode, ctx: ServiceContext, what: string): string[] | undefined {
  if (isSeq(node)) {
    const words = node.items.map(text);
    if (words.some((w) => w === undefined)) {
      ctx.diags.error(node.pos, `${what} must be a string or a list of strings`, 'command');
      return undefined;
    }
    return words as string[];
  }
  const s = text(node);
  if (s === undefined) {
    if (node.kind === 'scalar') return undefined;
    ctx.diags.error(node.pos, `${what} must be a string or a list of strings`, 'command');
    return undefined;
  }
  return shellSplit(s);
}
