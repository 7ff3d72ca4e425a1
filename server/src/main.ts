import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/env.schema';
import { createApp } from './bootstrap/create-app.util';
import { migrate } from './bootstrap/migrate.util';
import { preflight, PreflightError } from './bootstrap/preflight.util';
import { DemoService } from './modules/demo/demo.service';
import { UploadStore } from './modules/imports/upload-store.service';

async function main(): Promise<void> {
  const logger = new Logger('Recupera');
  const config = loadConfig();
  await preflight(config.databaseUrl, config.redisUrl);
  if (config.jwtSecretGenerated)
    logger.warn('JWT_SECRET is not set: using a random secret, so sessions end when the server restarts');
  const ran = await migrate(config.databaseUrl);
  if (ran.length > 0) logger.log(`Migrations run: ${ran.join(', ')}`);
  const app = await createApp(config);
  const swept = await app.get(UploadStore).sweep();
  if (swept > 0) logger.log(`Removed ${swept} abandoned upload file(s) older than a day`);
  const demo = app.get(DemoService);
  if (config.seedDemo) await demo.seedIfEmpty();
  await app.listen(config.port);
  logger.log(
    `Recupera is running on http://localhost:${config.port} (API docs: http://localhost:${config.port}/api/docs)`,
  );
  if (config.seedDemo) demo.printLogins();
}

main().catch((error: unknown) => {
  if (error instanceof PreflightError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
