import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/env.schema';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { ImportsCoreModule } from './modules/imports/imports-core.module';
import { MetricsCoreModule } from './modules/metrics/metrics-core.module';

/** What the command line needs: the database, the import pipeline and the rollups; no HTTP, queues or sockets. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuditModule,
        ImportsCoreModule,
        MetricsCoreModule,
      ],
    };
  }
}
