import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config/env.schema';
import { migrate } from './bootstrap/migrate.util';
import { preflight, PreflightError } from './bootstrap/preflight.util';
import { QuietLogger } from './bootstrap/quiet-logger.util';
import { DialerWorkerModule } from './dialer-worker.module';

/**
 * `nx serve dialer` / `node dist/server/dialer.js`: a dialer worker to scale out. It consumes the
 * same BullMQ queue as the servers (run them with RUN_DIALER=false to leave dialling to workers),
 * and its events reach the consoles through the servers' Redis adapter.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), runDialer: true };
  await preflight(config.databaseUrl, config.redisUrl);
  // A worker may be the first process of an upgrade to start: the schema it reads must be there.
  const ran = await migrate(config.databaseUrl);
  const logger = new QuietLogger();
  logger.setLogLevels(['log', 'error', 'warn']);
  const app = await NestFactory.createApplicationContext(DialerWorkerModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  if (ran.length > 0) new Logger('Dialer').log(`Migrations run: ${ran.join(', ')}`);
  new Logger('Dialer').log(
    `Dialer worker running (carrier: ${config.carrier}, queue prefix: ${config.queuePrefix})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof PreflightError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
