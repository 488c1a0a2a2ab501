/**
 * Service-name hosts → localhost. Containers of one awsvpc task share a network namespace, so a
 * reference to another service (its name, container_name, network alias or links alias) used
 * as a host must become `localhost`. Only hosts change: a password or a user name that happens
 * to equal a service name stays as it is.
 */
import { hasSecretName } from './secrets';
import { findUrls, type Range, type UrlSpan } from './urlSpans';

const HOST_WORD = 'HOST|URL|URI|ADDR|SERVER|ENDPOINT|DSN';
/** A part of a name that says host: HOST, PGHOST, HOSTNAME, DB_URLS, ADDRESS; not SECURITY. */
const HOST_PART = new RegExp(`^(?:(?:${HOST_WORD})[A-Z0-9]*|[A-Z0-9]*(?:${HOST_WORD})(?:S|ES|ESS|ESSES|NAMES?)?)$`);
/** host:port, where a host may stand: at the start or after a separator, and not an image tag (redis:7-alpine). */
const HOST_PORT = /(?<=^|[\s=,"'(@])([A-Za-z0-9._-]+):\d{1,5}(?![A-Za-z0-9._:-])/g;

export interface HostRewrite {
  readonly value: string;
  readonly changed: boolean;
}

/**
 * Whether a variable's (or a command-line option's) name says its value is a host: one of the
 * words of the name (split at "_", "-", "." and camelCase) starts or ends with HOST, URL, URI,
 * ADDR, SERVER, ENDPOINT or DSN.
 */
export function isHostVariable(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/);
  return words.some((w) => HOST_PART.test(w));
}

/**
 * Rewrites the hosts naming one of `hosts` in `value`: URL hosts (every host of a multi-host
 * URL; never the userinfo, path, query or fragment), host:port pairs outside URLs, and — when
 * `variable` says host — a value (or comma-separated item) that is exactly a service name. A
 * variable whose name says secret (and not host) is never touched.
 */
export function rewriteHosts(value: string, hosts: ReadonlySet<string>, variable?: string): HostRewrite {
  const hostVariable = variable !== undefined && isHostVariable(variable);
  if (variable !== undefined && !hostVariable && hasSecretName(variable)) return { value, changed: false };
  const urls = findUrls(value);
  const named = (r: Range) => hosts.has(value.slice(r.start, r.end));
  const edits: Range[] = urls.flatMap((u) => u.hosts.filter((h) => !h.ipLiteral && named(h)));
  for (const m of value.matchAll(HOST_PORT)) {
    const host = { start: m.index, end: m.index + m[1].length };
    if (named(host) && !inside(urls, host.start)) edits.push(host);
  }
  if (hostVariable) edits.push(...bareItems(value).filter((r) => named(r) && !inside(urls, r.start)));
  if (!edits.length) return { value, changed: false };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += `${value.slice(last, e.start)}localhost`;
    last = e.end;
  }
  return { value: out + value.slice(last), changed: true };
}

/** The comma-separated items of a value, blanks around them left out ("db", "es1, es2"). */
function bareItems(value: string): Range[] {
  const items: Range[] = [];
  let start = 0;
  for (const part of value.split(',')) {
    const lead = part.length - part.trimStart().length;
    items.push({ start: start + lead, end: start + part.trimEnd().length });
    start += part.length + 1;
  }
  return items;
}

function inside(urls: readonly UrlSpan[], at: number): boolean {
  return urls.some((u) => at >= u.start && at < u.end);
}
