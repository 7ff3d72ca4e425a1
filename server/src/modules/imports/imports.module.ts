import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { IMPORT_QUEUE } from '@recupera/shared';
import { mkdirSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ImportLauncher } from './import-launcher.service';
import { ImportsCoreModule } from './imports-core.module';
import { ImportsController } from './imports.controller';
import { ImportsProcessor } from './imports.processor';
import { ImportsProducer } from './imports.producer';

@Module({
  imports: [
    ImportsCoreModule,
    BullModule.registerQueue({ name: IMPORT_QUEUE }),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        mkdirSync(config.uploadDir, { recursive: true });
        return { dest: config.uploadDir, limits: { fileSize: config.importMaxBytes, files: 1 } };
      },
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsProducer, ImportsProcessor, ImportLauncher],
})
export class ImportsModule {}
