import { ConsoleLogger } from '@nestjs/common';

const NOISY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
  'NestApplication',
]);

/** Nest's logger without the start-up inventory of every module and route, so `npm start` stays readable. */
export class QuietLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && NOISY_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
