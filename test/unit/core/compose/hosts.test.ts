import * as assert from 'node:assert/strict';
import { rewriteArgument } from '../../../../src/core/compose/command';
import { isHostVariable, rewriteHosts } from '../../../../src/core/compose/hosts';
import { env, find, ok } from './renderHelper';

describe('compose: service-name hosts → localhost', () => {
  const hosts = new Set(['mongodb', 'db', 'redis', 'api']);
  const rw = (s: string, v?: string) => rewriteHosts(s, hosts, v).value;

  it('rewrites URL hosts, credentials and multi-host URLs included', () => {
    assert.equal(rw('mongodb://mongodb:27017/app'), 'mongodb://localhost:27017/app');
    assert.equal(rw('mongodb://user:pw@mongodb:27017/db'), 'mongodb://user:pw@localhost:27017/db');
    assert.equal(rw('mongodb://db:1,mongodb:2/x?replicaSet=rs'), 'mongodb://localhost:1,localhost:2/x?replicaSet=rs');
    assert.equal(rw('http://api/v1'), 'http://localhost/v1');
    assert.equal(rw('redis://redis'), 'redis://localhost');
  });
  it('rewrites host:port pairs but not image names, longer words or paths', () => {
    assert.equal(rw('redis:6379'), 'localhost:6379');
    assert.equal(rw('--db=db:5432 --cache redis:6379'), '--db=localhost:5432 --cache localhost:6379');
    assert.equal(rw('library/redis:7'), 'library/redis:7');
    assert.equal(rw('redis-cli ping'), 'redis-cli ping');
    assert.equal(rw('mydb:5432'), 'mydb:5432');
    assert.equal(rw('/data/db'), '/data/db');
    assert.equal(rw('db'), 'db');
  });
  it('rewrites a bare service name only in a variable whose name says host/url/addr', () => {
    assert.equal(rw('mongodb', 'MONGODB_URL'), 'localhost');
    assert.equal(rw('db', 'DB_HOST'), 'localhost');
    assert.equal(rw('db', 'PGSERVER'), 'localhost');
    assert.equal(rw('db', 'DB_NAME'), 'db');
  });

  it('rewrites names, container_name, network aliases and links aliases in env, env_file and command, reporting each', () => {
    const { container, diags } = ok(`
services:
  web:
    image: web
    links: ["backend:legacy-api"]
    environment:
      API: http://api.internal:8000
      OLD: http://legacy-api:8000
      CACHE_HOST: cache
      MONGO: mongodb://mongo-primary:27017
    env_file: web.env
    command: ["wait-for", "backend:8000", "--", "nginx"]
  backend:
    image: api
    networks:
      default:
        aliases: [api.internal]
  cache:
    image: redis
  mongo:
    image: mongo
    container_name: mongo-primary
`, { files: { 'web.env': 'UPSTREAM=backend:8000\n' } });
    assert.deepEqual(env(container('web')), {
      API: 'http://localhost:8000',
      CACHE_HOST: 'localhost',
      MONGO: 'mongodb://localhost:27017',
      OLD: 'http://localhost:8000',
      UPSTREAM: 'localhost:8000',
    });
    assert.deepEqual(container('web').command, ['wait-for', 'localhost:8000', '--', 'nginx']);
    const fromFile = find(diags, 'info', /UPSTREAM: backend:8000 → localhost:8000/);
    assert.deepEqual([fromFile.file, fromFile.line, fromFile.col], ['/proj/web.env', 1, 10]);
    find(diags, 'info', /command argument backend:8000 → localhost:8000/);
    assert.equal(diags.filter((d) => d.code === 'host-rewrite').length, 6);
  });

  it('warns about a service name inside a bind-mounted config file, with that file and line', () => {
    const { diags } = ok(
      'services:\n  proxy:\n    image: nginx\n    volumes: ["./nginx.conf:/etc/nginx/nginx.conf:ro"]\n  backend:\n    image: api\n',
      { files: { 'nginx.conf': 'server {\n  location / {\n    proxy_pass http://backend:8000;\n  }\n}\n' } },
    );
    const d = find(diags, 'warning', /proxy_pass http:\/\/backend:8000/);
    assert.deepEqual([d.file, d.line, d.code], ['/proj/nginx.conf', 3, 'host-in-file']);
  });

  it('a host-like name is one whose word starts or ends with HOST, URL, URI, ADDR, SERVER, ENDPOINT or DSN', () => {
    for (const name of ['DB_HOST', 'PGHOST', 'HOSTNAME', 'DATABASE_URL', 'databaseUrl', 'MONGO_URI', 'BIND_ADDRESS', 'KAFKA_BOOTSTRAP_SERVERS', 'S3_ENDPOINT', 'SENTRY_DSN', 'ES_HOSTS', 'db-host']) {
      assert.ok(isHostVariable(name), name);
    }
    for (const name of ['GF_SECURITY_ADMIN_PASSWORD', 'SECURITY_LEVEL', 'DB_NAME', 'POSTGRES_USER', 'password', 'PURITY']) assert.ok(!isHostVariable(name), name);
  });

  it('never rewrites a value that merely equals a service name in a variable of another kind', () => {
    assert.equal(rewriteHosts('db', hosts, 'GF_SECURITY_ADMIN_PASSWORD').value, 'db');
    assert.equal(rewriteHosts('db', hosts, 'POSTGRES_USER').value, 'db');
    // A name that says secret keeps its value whole, host:port-looking or not; one that also says host is a host.
    assert.equal(rewriteHosts('db:5432', hosts, 'REDIS_PASSWORD').value, 'db:5432');
    assert.equal(rewriteHosts('http://api/token', hosts, 'OAUTH_TOKEN_URL').value, 'http://localhost/token');
    assert.equal(rewriteHosts('db, redis ,x', hosts, 'ES_HOSTS').value, 'localhost, localhost ,x');
  });

  it('in a URL only the host changes: userinfo, path, query and fragment stay byte for byte', () => {
    assert.equal(rw('postgres://db:db@db:5432/db', 'DATABASE_URL'), 'postgres://db:db@localhost:5432/db');
    assert.equal(rw('postgres://api:p@ss:w%40rd@db:5432/app?user=db#db'), 'postgres://api:p@ss:w%40rd@localhost:5432/app?user=db#db');
    assert.equal(rw('redis://:redis@redis:6379/0'), 'redis://:redis@localhost:6379/0');
    assert.equal(rw('jdbc:postgresql://db:5432/x?user=db'), 'jdbc:postgresql://localhost:5432/x?user=db');
    assert.equal(rw('jdbc:sqlserver://db:1433;user=db;password=p@db'), 'jdbc:sqlserver://localhost:1433;user=db;password=p@db');
    assert.equal(rw('mongodb://db:db@mongodb:1,[::1]:2,db/x?replicaSet=db'), 'mongodb://db:db@localhost:1,[::1]:2,localhost/x?replicaSet=db');
    assert.equal(rw('http://[fd00::db]:8080/api'), 'http://[fd00::db]:8080/api');
    assert.equal(rw('http://api:3000,http://db:8000', 'CORS_ORIGINS'), 'http://localhost:3000,http://localhost:8000');
    assert.equal(rw('http://proxy/?next=db:5432,api', 'UPSTREAM_URL'), 'http://proxy/?next=db:5432,api');
    // A "/" in a password must be %-escaped in a URL; unescaped, nothing is taken for a host.
    assert.equal(rw('postgres://db:pa/ss@db/x'), 'postgres://db:pa/ss@db/x');
  });

  it('host:port pairs and lists outside URLs; image tags and versions are not ports', () => {
    assert.equal(rw('db:5432,redis:6379'), 'localhost:5432,localhost:6379');
    assert.equal(rw('mongodb:4.4'), 'mongodb:4.4');
    assert.equal(rw('redis:7-alpine'), 'redis:7-alpine');
  });

  it('command lines: an option value is read by the option name; --password grafana stays', () => {
    const h = new Set(['grafana', 'db']);
    const arg = (w: string, prev?: string) => rewriteArgument(w, prev, h).value;
    assert.equal(arg('grafana', '--password'), 'grafana');
    assert.equal(arg('--password=grafana'), '--password=grafana');
    assert.equal(arg('--password=db:5432'), '--password=db:5432');
    assert.equal(arg('db', '--host'), 'localhost');
    assert.equal(arg('db', '-h'), 'localhost');
    assert.equal(arg('--db-host=db'), '--db-host=localhost');
    assert.equal(arg('db', '--user'), 'db');
    assert.equal(arg('--upstream=db:5432'), '--upstream=localhost:5432');
    assert.equal(arg('postgres://db:grafana@db/x', '--url'), 'postgres://db:grafana@localhost/x');
  });

  it('issue shapes: a Grafana password and a URL user named like services, rendered', () => {
    const { container, diags } = ok(`
services:
  grafana:
    image: grafana/grafana:11.0.0
    environment:
      GF_SECURITY_ADMIN_PASSWORD: grafana
      GF_SERVER_ROOT_URL: http://grafana:3000
    command: ["--password", "grafana", "--host", "db"]
  app:
    image: ghcr.io/acme/app:1
    environment:
      DATABASE_URL: postgres://app:s3cr%40t@db:5432/notes
      CACHE_URL: "redis://:app@cache:6379/0"
  db:
    image: postgres:16
  cache:
    image: redis:7
`);
    assert.deepEqual(env(container('grafana')), { GF_SECURITY_ADMIN_PASSWORD: 'grafana', GF_SERVER_ROOT_URL: 'http://localhost:3000' });
    assert.deepEqual(container('grafana').command, ['--password', 'grafana', '--host', 'localhost']);
    assert.deepEqual(env(container('app')), { CACHE_URL: 'redis://:app@localhost:6379/0', DATABASE_URL: 'postgres://app:s3cr%40t@localhost:5432/notes' });
    assert.ok(!diags.some((d) => d.message.includes('GF_SECURITY_ADMIN_PASSWORD') && d.code === 'host-rewrite'));
    // The report of a rewrite never shows a password, also an empty user's.
    find(diags, 'info', /^CACHE_URL: redis:\/\/:\*\*\*@cache:6379\/0 → redis:\/\/:\*\*\*@localhost:6379\/0/);
    assert.ok(!diags.some((d) => /s3cr%40t|:app@/.test(d.message)), diags.map((d) => d.message).join('\n'));
  });
});

