import * as assert from 'node:assert/strict';
import { rewriteHosts } from '../../../../src/core/compose/hosts';
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
});
