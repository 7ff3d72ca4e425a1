import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { WIDGET_NAMESPACE, widgetSessionRoom, type WidgetServerToClientEvents } from '@recupera/shared';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { socketKey } from '../../realtime/redis-io-adapter.util';
import { REDIS } from '../../redis/redis.module';

/** Pushes to a debtor's widget through Redis, to whichever server holds its socket. */
@Injectable()
export class WidgetEventsService {
  private readonly widgets: Emitter<WidgetServerToClientEvents>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const emitter = new Emitter(redis, { key: socketKey(config.queuePrefix) });
    this.widgets = emitter.of(WIDGET_NAMESPACE) as unknown as Emitter<WidgetServerToClientEvents>;
  }

  toSession<E extends keyof WidgetServerToClientEvents>(
    sessionId: string,
    event: E,
    payload: Parameters<WidgetServerToClientEvents[E]>[0],
  ): void {
    if (this.redis.status !== 'ready') return;
    (this.widgets.to(widgetSessionRoom(sessionId)).emit as (e: string, p: unknown) => boolean)(
      event,
      payload,
    );
  }
}
