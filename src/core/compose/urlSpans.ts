/**
 * URLs inside a value or a command argument, parsed as scheme://userinfo@host:port/path?query#fragment
 * (RFC 3986's authority, plus what connection strings do with it: several comma-separated hosts,
 * a raw "@" or ":" in the password). Offsets only: callers change one part and keep every other
 * byte as it was.
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface UrlHost extends Range {
  /** A bracketed IP literal ([::1], [fe80::1%25eth0]): never a service name. */
  readonly ipLiteral: boolean;
}

export interface UrlSpan extends Range {
  /** The password: the userinfo ("user:password", up to the authority's last "@") after its first ":", when not empty. */
  readonly password?: Range;
  /** The hosts of the authority, in order (mongodb://a:1,b:2 has two). */
  readonly hosts: readonly UrlHost[];
}

/** "scheme://" not inside a longer scheme; jdbc:postgresql:// starts at "postgresql". */
const SCHEME = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
/** Characters that never appear in a URL as written: they end it (and its authority). */
const URL_END = /[\s"<>`{}|\\^]/;
/** Where the authority gives way to the path, query or fragment. */
const AUTHORITY_END = /[/?#]/;
/** A registered name (RFC 3986 unreserved characters and %-escapes): what a service name can be. */
const REG_NAME = /[A-Za-z0-9._~%-]/;

/** Every URL in `text`, in order. A URL ends where the next one starts, so lists of URLs parse too. */
export function findUrls(text: string): UrlSpan[] {
  const starts = [...text.matchAll(SCHEME)];
  return starts.map((m, k) => {
    const start = m.index;
    const limit = k + 1 < starts.length ? starts[k + 1].index : text.length;
    const scheme = m[0].slice(0, -3).toLowerCase();
    const from = start + m[0].length;
    const end = indexOf(text, URL_END, from, limit);
    // SQL Server's JDBC form puts ";property=value" (a password too) right after host:port.
    const authorityEnd = indexOf(text, scheme === 'sqlserver' ? /[/?#;]/ : AUTHORITY_END, from, end);
    // The last "@" ends the userinfo: passwords often carry a raw "@", hosts never do.
    const at = text.lastIndexOf('@', authorityEnd - 1);
    const hasUserinfo = at >= from;
    const colon = hasUserinfo ? text.indexOf(':', from) : -1;
    return {
      start,
      end,
      password: colon >= 0 && colon + 1 < at ? { start: colon + 1, end: at } : undefined,
      hosts: parseHosts(text, hasUserinfo ? at + 1 : from, authorityEnd),
    };
  });
}

/**
 * host[:port] items separated by ","; parsing stops at anything else (";x", ")"), and an item
 * whose ":" is not followed by a port is not a host (a password with no "@" after it).
 */
function parseHosts(text: string, from: number, end: number): UrlHost[] {
  const hosts: UrlHost[] = [];
  let i = from;
  while (i < end) {
    const start = i;
    let ipLiteral = false;
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0 || close >= end) break;
      ipLiteral = true;
      i = close + 1;
    } else while (i < end && REG_NAME.test(text[i])) i++;
    const host = { start, end: i, ipLiteral };
    if (text[i] === ':' && i < end) {
      i++;
      while (i < end && /\d/.test(text[i])) i++;
    }
    if (i < end && (REG_NAME.test(text[i]) || text[i] === ':' || text[i] === '[')) break;
    if (host.end > host.start) hosts.push(host);
    if (i < end && text[i] === ',') i++;
    else break;
  }
  return hosts;
}

function indexOf(text: string, re: RegExp, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (re.test(text[i])) return i;
  return limit;
}

/** `text` with the password of every URL replaced by "***". */
export function maskUrlPasswords(text: string): string {
  let out = '';
  let last = 0;
  for (const { password } of findUrls(text)) {
    if (!password) continue;
    out += `${text.slice(last, password.start)}***`;
    last = password.end;
  }
  return out + text.slice(last);
}

/** True when some URL in `text` carries a password. */
export function hasUrlPassword(text: string): boolean {
  return findUrls(text).some((u) => u.password);
}
