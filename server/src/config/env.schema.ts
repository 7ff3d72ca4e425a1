import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  /** True when no JWT_SECRET was given and an ephemeral one was generated (development only). */
  jwtSecretGenerated: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  importMaxBytes: number;
  uploadDir: string;
  consoleDir: string;
  seedDemo: boolean;
  /** The public UCI portfolio the demo bank is built from (shared/data beside the repository). */
  demoUciFile: string;
  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  /** Whether this process consumes queued jobs (the import CLI does not: it runs its own import). */
  runWorkers: boolean;
  /** Rows in each INSERT batch of an import. */
  importBatchSize: number;
  /** Import batches written at once, each on its own connection. */
  importWriteConcurrency: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number, problems: string[], min = 0): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${key} must be an integer >= ${min} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function url(env: Env, key: string, fallback: string, protocols: string[], problems: string[]): string {
  const raw = env[key] || fallback;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol))
      problems.push(`${key} must start with ${protocols.join(' or ')} (got "${raw}")`);
  } catch {
    problems.push(`${key} is not a URL (got "${raw}")`);
  }
  return raw;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Reads and validates the environment once; every problem is reported on its own line. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env['NODE_ENV'] ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test`);
  const secret = env['JWT_SECRET'];
  if (secret !== undefined && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (!secret && nodeEnv === 'production') problems.push('JWT_SECRET is required in production');
  const config: AppConfig = {
    nodeEnv,
    port: int(env, 'PORT', 3000, problems, 1),
    databaseUrl: url(
      env,
      'DATABASE_URL',
      'mysql://root@127.0.0.1:3306/recupera',
      ['mysql:', 'mariadb:'],
      problems,
    ),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'], problems),
    jwtSecret: secret || randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !secret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, problems, 30),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 3600, problems, 60),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, problems, 1),
    loginLockSeconds: int(env, 'LOGIN_LOCK_SECONDS', 300, problems, 1),
    importMaxBytes: int(env, 'IMPORT_MAX_BYTES', 512 * 1024 * 1024, problems, 1024),
    uploadDir: env['UPLOAD_DIR'] || join(tmpdir(), 'recupera-uploads'),
    consoleDir: env['CONSOLE_DIR'] || 'dist/console/browser',
    seedDemo: (env['SEED_DEMO'] ?? 'true') !== 'false',
    demoUciFile: env['DEMO_UCI_FILE'] || join('..', 'shared', 'data', 'uci-credit-card-default.csv'),
    importBatchSize: int(env, 'IMPORT_BATCH_SIZE', 2000, problems, 1),
    importWriteConcurrency: int(env, 'IMPORT_WRITE_CONCURRENCY', 2, problems, 1),
    runWorkers: (env['RUN_WORKERS'] ?? 'true') !== 'false',
    queuePrefix: env['QUEUE_PREFIX'] || 'recupera',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
