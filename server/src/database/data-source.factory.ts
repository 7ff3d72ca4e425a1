import * as mysql2 from 'mysql2';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.constant';
import { MIGRATIONS } from './migrations.constant';
import { SnakeNamingStrategy } from './snake-naming.util';

/**
 * mysql2 with every pooled connection's session in UTC, so CURRENT_TIMESTAMP defaults agree with the
 * UTC instants the application writes, whatever the database server's own time zone is.
 */
const utcMysql2 = {
  ...mysql2,
  createPool(config: mysql2.PoolOptions) {
    const pool = mysql2.createPool(config);
    pool.on('connection', (connection) => {
      connection.query("SET time_zone = '+00:00'");
    });
    return pool;
  },
};

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const url = new URL(databaseUrl);
  return {
    type: 'mysql',
    driver: utcMysql2,
    host: url.hostname,
    port: Number(url.port || 3306),
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, '') || 'recupera',
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: ['DATE'],
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: 10,
    // Affected-row counts must tell inserted (1) from updated (2) from unchanged (0) in upserts.
    extra: { flags: ['-FOUND_ROWS'] },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}

export function databaseName(databaseUrl: string): string {
  return new URL(databaseUrl).pathname.replace(/^\//, '') || 'recupera';
}
