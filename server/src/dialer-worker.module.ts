import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/env.schema';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { DialerModule } from './modules/dialer/dialer.module';
import { FloorEventsModule } from './modules/realtime/floor-events.module';
import { RedisModule } from './redis/redis.module';

/** The dialer alone, for a worker process of its own: no HTTP, no sockets, the same queues. */
@Module({})
export class DialerWorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DialerWorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        AuditModule,
        FloorEventsModule,
        DialerModule,
      ],
    };
  }
}
