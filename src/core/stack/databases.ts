import { parseImageRef } from '../imageRef';

/**
 * Images of databases (and brokers that keep state the same way): two copies of one on the same
 * data directory lock or corrupt it. Matched on the repository's name parts, e.g. "mongo",
 * "bitnami/postgresql", "mcr.microsoft.com/mssql/server".
 */
const DATABASE_NAMES = /^(mongo|mongodb|postgres|postgresql|postgis|timescaledb|mysql|mariadb|percona|redis|redis-stack|valkey|keydb|couchdb|cassandra|scylla|neo4j|influxdb|clickhouse|clickhouse-server|elasticsearch|opensearch|rabbitmq|cockroach|mssql|etcd|zookeeper|questdb|arangodb|rethinkdb|surrealdb|memgraph)$/;

/** The repository's name parts, without Docker Hub's "library/" of official images. */
function repositoryParts(image: string): string[] {
  const parts = parseImageRef(image).repository.toLowerCase().split('/');
  return parts[0] === 'library' && parts.length > 1 ? parts.slice(1) : parts;
}

/** The database an image runs ("mongo"), or undefined. */
export function databaseOf(image: string | undefined): string | undefined {
  if (!image) return undefined;
  return repositoryParts(image).find((p) => DATABASE_NAMES.test(p));
}

export interface VolumeOwner {
  readonly uid: number;
  readonly gid: number;
  /** Where the numbers come from, for the diagnostic. */
  readonly because: string;
}

/**
 * The user a container writes its volume as, so the EFS access point can own the directory:
 * the compose `user: UID[:GID]`, else what the official database images run as (MongoDB,
 * PostgreSQL, MySQL, MariaDB and Redis: 999; the Alpine PostgreSQL image: 70; Bitnami: 1001).
 */
export function volumeOwner(image: string | undefined, composeUser: string | undefined): VolumeOwner | undefined {
  const numeric = composeUser ? /^(\d+)(?::(\d+))?$/.exec(composeUser) : null;
  if (numeric) return { uid: Number(numeric[1]), gid: Number(numeric[2] ?? numeric[1]), because: `user: ${composeUser}` };
  const db = databaseOf(image);
  if (!db || !image) return undefined;
  const parts = repositoryParts(image);
  const tag = parseImageRef(image).tag ?? '';
  if (parts[0] === 'bitnami') return { uid: 1001, gid: 1001, because: 'Bitnami images run as uid 1001' };
  if (/^(postgres|postgis)$/.test(db) && /alpine/.test(tag)) return { uid: 70, gid: 70, because: 'the Alpine PostgreSQL image runs as uid 70' };
  if (/^(redis)$/.test(db) && /alpine/.test(tag)) return { uid: 999, gid: 1000, because: 'the Alpine Redis image runs as uid 999, gid 1000' };
  if (/^(mongo|postgres|postgis|mysql|mariadb|redis)$/.test(db) && parts.length === 1) return { uid: 999, gid: 999, because: `the official ${db} image runs as uid 999` };
  return undefined;
}
