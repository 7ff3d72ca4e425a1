import * as mysql2 from 'mysql2/promise';
import { Redis } from 'ioredis';
import { databaseName } from '../database/data-source.factory';

export class PreflightError extends Error {}

const START_MARIADB =
  'start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd  (or: service mariadb start)';
const START_REDIS =
  'start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379  (or: service redis-server start)';

/** Checks MariaDB and Redis answer, creating the database if it is missing; one clear line per problem. */
/** Pass no Redis URL for commands that only need the database (migrate, import). */
export async function preflight(databaseUrl: string, redisUrl: string | null): Promise<void> {
  const db = new URL(databaseUrl);
  const dbAt = `${db.hostname}:${db.port || 3306}`;
  const problems: string[] = [];
  try {
    const connection = await mysql2.createConnection({
      host: db.hostname,
      port: Number(db.port || 3306),
      user: decodeURIComponent(db.username || 'root'),
      password: decodeURIComponent(db.password),
      connectTimeout: 3000,
    });
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${databaseName(databaseUrl).replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await connection.end();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'ENOTFOUND') {
      problems.push(`MariaDB is not answering at ${dbAt} (DATABASE_URL); ${START_MARIADB}`);
    } else if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') {
      problems.push(
        `MariaDB at ${dbAt} refused user "${db.username || 'root'}": set DATABASE_URL to a user with rights (see README, "Database user")`,
      );
    } else {
      problems.push(`MariaDB at ${dbAt} failed: ${(error as Error).message}`);
    }
  }
  if (redisUrl) await checkRedis(redisUrl, problems);
  if (problems.length > 0) throw new PreflightError(problems.join('\n'));
}

async function checkRedis(redisUrl: string, problems: string[]): Promise<void> {
  const redis = new URL(redisUrl);
  const redisAt = `${redis.hostname}:${redis.port || 6379}`;
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch {
    problems.push(`Redis is not answering at ${redisAt} (REDIS_URL); ${START_REDIS}`);
  } finally {
    client.disconnect();
  }
}
