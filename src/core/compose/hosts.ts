/**
 * Service-name hosts → localhost. Containers of one awsvpc task share a network namespace, so a
 * reference to another service (its name, container_name, network alias or links alias) used
 * as a host must become `localhost`.
 */

/** Variables whose name says the value is a host, so a bare service name in them is one. */
const HOSTISH_NAME = /(HOST|URL|URI|ADDR|SERVER|ENDPOINT|DSN)/i;
const HOST_CHARS = /[A-Za-z0-9._-]/;

export interface HostRewrite {
  readonly value: string;
  readonly changed: boolean;
}

/** Rewrites URL hosts (also every host of a multi-host URL) and host:port pairs naming one of `hosts`. */
export function rewriteHosts(value: string, hosts: ReadonlySet<string>, variable?: string): HostRewrite {
  if (variable && HOSTISH_NAME.test(variable) && hosts.has(value.trim())) return { value: 'localhost', changed: true };
  let out = '';
  let changed = false;
  let i = 0;
  while (i < value.length) {
    if (!HOST_CHARS.test(value[i]) || (i > 0 && HOST_CHARS.test(value[i - 1]))) {
      out += value[i++];
      continue;
    }
    let j = i;
    while (j < value.length && HOST_CHARS.test(value[j])) j++;
    const word = value.slice(i, j);
    if (hosts.has(word) && isHostPosition(value, i, j)) {
      out += 'localhost';
      changed = true;
    } else out += word;
    i = j;
  }
  return { value: out, changed };
}

function isHostPosition(s: string, start: number, end: number): boolean {
  const before = s.slice(0, start);
  const after = s.slice(end);
  // After "scheme://" or "scheme://user:pw@", or after "," inside a URL authority (mongodb://a:1,b:2).
  if (/[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\s/@]*@)?$/.test(before)) return true;
  if (/:\/\/[^\s/]*,$/.test(before)) return true;
  // host:port, not part of a longer token such as an image reference "repo/mongodb:7".
  if (/^:\d{1,5}(?!\d)/.test(after) && (before === '' || /[\s=,"'(@]$/.test(before))) return true;
  return false;
}

/** A value with URL credentials masked, for reports that must not print secrets. */
export function maskCredentials(value: string): string {
  return value.replace(/(:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1***@');
}
