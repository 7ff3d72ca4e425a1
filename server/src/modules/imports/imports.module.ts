import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { IMPORT_QUEUE } from '@recupera/shared';
import { mkdirSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ClientsModule } from '../clients/clients.module';
import { ImportRunner } from './import-runner.service';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportWriteRepository } from './import-write.repository';
import { ImportsController } from './imports.controller';
import { ImportsProcessor } from './imports.processor';
import { ImportsProducer } from './imports.producer';
import { ImportsService } from './imports.service';
import { UploadStore } from './upload-store.service';

@Module({
  imports: [
    ClientsModule,
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
  providers: [ImportsService, ImportRunner, ImportRunsRepository, ImportWriteRepository, ImportsProducer, ImportsProcessor, UploadStore],
  exports: [ImportsService, ImportRunner, UploadStore],
})
export class ImportsModule {}
