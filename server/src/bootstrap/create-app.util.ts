import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from '../app.module';
import { ApiExceptionFilter } from '../common/errors/api-exception-filter.util';
import { createValidationPipe } from '../common/http/validation-pipe.util';
import type { AppConfig } from '../config/env.schema';
import { RedisIoAdapter, socketKey } from '../realtime/redis-io-adapter.util';
import { widgetCors } from '../modules/widget/widget-origins.util';
import { QuietLogger } from './quiet-logger.util';

export async function createApp(config: AppConfig, logLevels?: LogLevel[]): Promise<NestExpressApplication> {
  const logger = new QuietLogger();
  logger.setLogLevels(
    logLevels ?? (config.nodeEnv === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn']),
  );
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    // Payment gateways sign the raw body; it is kept beside the parsed one.
    rawBody: true,
  });
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useBodyParser('json', { limit: '1mb' });
  // Only the debtor's widget is called from other sites (the creditors'); the staff API stays same-origin.
  app.use('/api/widget', widgetCors(config.widgetAllowedOrigins));

  const adapter = new RedisIoAdapter(app, config.redisUrl, socketKey(config.queuePrefix));
  await adapter.connect();
  app.useWebSocketAdapter(adapter);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Recupera API')
      .setDescription('Debt collection contact center')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);

  serveConsole(app, config.consoleDir);
  return app;
}

/** The built Angular console, with unknown non-API paths answered by index.html (client routing). */
function serveConsole(app: NestExpressApplication, consoleDir: string): void {
  const dir = resolve(consoleDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Console').warn(`No built console at ${dir}; run "npx nx build console" (npm start does it)`);
    return;
  }
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || request.path.startsWith('/socket.io'))
      return next();
    response.sendFile(index);
  });
}
