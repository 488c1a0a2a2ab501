import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { rewriteArgument } from '../../../../src/core/compose/command';
import { rewriteHosts } from '../../../../src/core/compose/hosts';
import { maskUrlPasswords } from '../../../../src/core/compose/urlSpans';

/** The services of the generated projects: user names, passwords, paths and queries use these names too. */
const SERVICES = ['db', 'cache', 'api', 'grafana', 'mongo-primary', 'web.internal', 'app_1'];
const HOSTS = new Set(SERVICES);

const chars = (alphabet: string, max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: max }).map((a) => a.join(''));
const pctEscape = fc.constantFrom('%40', '%3A', '%2F', '%25', '%23', '%3F', '%20', '%5B', '%5D', '%64%62');
const UNRESERVED = 'abcdefxyzABCXYZ0123456789-._~';
const SUB_DELIMS = "!$&'()*+,;=";
/** A name part made of RFC 3986 characters, %-escapes, or a service name (the collision the property is about). */
const piece = (extra: string) => fc.oneof(fc.constantFrom(...SERVICES), chars(UNRESERVED + extra, 8), pctEscape);
const joined = (arb: fc.Arbitrary<string>, max: number) => fc.array(arb, { minLength: 1, maxLength: max }).map((a) => a.join(''));

// Users may hold a raw "@" (e-mail addresses); passwords also ":" and "@", as they do in the wild.
const user = joined(piece(`${SUB_DELIMS}@`), 3);
const password = joined(fc.oneof(piece(`${SUB_DELIMS}:@`), fc.constantFrom('@', ':', '@@', ':@')), 4);
const userinfo = fc.oneof(
  fc.constant(undefined),
  user,
  fc.tuple(user, password).map(([u, p]) => `${u}:${p}`),
  password.map((p) => `:${p}`), // redis://:password@cache
  fc.tuple(fc.constantFrom(...SERVICES), fc.constantFrom(...SERVICES)).map(([u, p]) => `${u}:${p}`),
);

interface HostPart {
  readonly host: string;
  readonly port?: number;
}
const hostName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SERVICES) },
  { weight: 2, arbitrary: fc.constantFrom('example.com', 'db.example.com', 'localhost', '10.0.0.5', 'dbx', 'xdb', 'DB', 'a-db') },
  { weight: 1, arbitrary: fc.constantFrom('[::1]', '[fd00::db]', '[fe80::1%25eth0]', '[2001:db8::5432]') },
);
const hostPart: fc.Arbitrary<HostPart> = fc.record({ host: hostName, port: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }) }, { requiredKeys: ['host'] });
// Many schemes take one host; the connection strings of MongoDB, Cassandra or Kafka clients take a list.
const hostList = fc.array(hostPart, { minLength: 1, maxLength: 3 });

const segment = joined(fc.oneof(piece(`${SUB_DELIMS}:@`), fc.constantFrom('db:5432', 'cache:6379')), 3);
const path = fc.array(segment, { maxLength: 3 }).map((s) => s.map((x) => `/${x}`).join(''));
const queryValue = fc.oneof(fc.constantFrom(...SERVICES), fc.constantFrom('db:5432', 'db,cache', 'x@db', 'db:1,cache:2', '/var/run/db', 'true'), chars(UNRESERVED, 6));
const query = fc.option(
  fc.array(fc.tuple(fc.constantFrom('user', 'host', 'replicaSet', 'authSource', 'password', 'x'), queryValue), { minLength: 1, maxLength: 3 }).map((kv) => `?${kv.map(([k, v]) => `${k}=${v}`).join('&')}`),
  { nil: '' },
);
const fragment = fc.option(queryValue.map((f) => `#${f}`), { nil: '' });
const scheme = fc.constantFrom('postgres', 'postgresql', 'mysql', 'redis', 'rediss', 'mongodb', 'mongodb+srv', 'amqp', 'http', 'https', 'nats', 'jdbc:postgresql', 'jdbc:mysql');

interface GeneratedUrl {
  readonly scheme: string;
  readonly userinfo?: string;
  readonly hosts: readonly HostPart[];
  readonly rest: string;
}
const urlArb: fc.Arbitrary<GeneratedUrl> = fc
  .tuple(scheme, userinfo, hostList, path, query, fragment)
  .map(([s, u, h, p, q, f]) => ({ scheme: s, userinfo: u, hosts: h, rest: p + q + f }));

/** The URL written out; `host` decides what each host becomes. Built from the parts, not by the parser under test. */
function write(u: GeneratedUrl, host: (h: string) => string = (h) => h): string {
  const hosts = u.hosts.map((h) => `${host(h.host)}${h.port === undefined ? '' : `:${h.port}`}`).join(',');
  return `${u.scheme}://${u.userinfo === undefined ? '' : `${u.userinfo}@`}${hosts}${u.rest}`;
}
const localhostFor = (h: string) => (HOSTS.has(h) ? 'localhost' : h);

describe('compose: property — in generated URLs only the host changes', function () {
  this.timeout(120000);

  it('12,000 URLs with userinfo, ports, paths, queries and fragments: user names, passwords and paths that are service names stay', () => {
    let collisions = 0;
    let rewritten = 0;
    fc.assert(
      fc.property(urlArb, fc.constantFrom('DATABASE_URL', 'MONGO_URI', 'CACHE', 'dsn', 'REDIS_ADDR', 'UPSTREAMS'), fc.constantFrom(['', ''], ['--url=', ''], ['"', '"'], ['x ', ' y'], ['(', ')']), (u, variable, [before, after]) => {
        const given = `${before}${write(u)}${after}`;
        const expected = `${before}${write(u, localhostFor)}${after}`;
        const r = rewriteHosts(given, HOSTS, variable);
        assert.equal(r.value, expected);
        assert.equal(r.changed, expected !== given);
        if (r.changed) rewritten++;
        if (SERVICES.some((s) => (u.userinfo ?? '').includes(s) || u.rest.includes(s))) collisions++;
      }),
      { numRuns: 12000, seed: 1212 },
    );
    // The generator must reach the cases the issue is about, or the property says little.
    assert.ok(collisions > 6000, `${collisions} URLs with a service name outside the host`);
    assert.ok(rewritten > 6000 && rewritten < 12000, `${rewritten} URLs had a host rewritten`);
    console.log(`      ${rewritten} of 12000 URLs had a host rewritten; ${collisions} carried a service name outside the host`);
  });

  it('the same URLs as command arguments, also after an option', () => {
    fc.assert(
      fc.property(urlArb, fc.constantFrom(undefined, '--url', '--password', '-h', '--config'), (u, previous) => {
        assert.equal(rewriteArgument(write(u), previous, HOSTS).value, previous === '--password' ? write(u) : write(u, localhostFor));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('a variable whose name says secret is never rewritten', () => {
    fc.assert(
      fc.property(urlArb, fc.constantFrom('DB_PASSWORD', 'GF_SECURITY_ADMIN_PASSWORD', 'API_TOKEN', 'CLIENT_SECRET'), (u, variable) => {
        assert.equal(rewriteHosts(write(u), HOSTS, variable).changed, false);
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('masking hides the whole password and changes nothing else', () => {
    fc.assert(
      fc.property(urlArb, (u) => {
        const colon = u.userinfo?.indexOf(':') ?? -1;
        const hasPassword = colon >= 0 && colon + 1 < (u.userinfo?.length ?? 0);
        const masked = hasPassword ? { ...u, userinfo: `${u.userinfo!.slice(0, colon + 1)}***` } : u;
        assert.equal(maskUrlPasswords(write(u)), write(masked));
      }),
      { numRuns: 3000, seed: 4 },
    );
  });
});
