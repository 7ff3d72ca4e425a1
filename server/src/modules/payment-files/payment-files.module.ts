import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { PAYMENT_FILE_MAX_BYTES, PAYMENT_FILE_QUEUE } from '@recupera/shared';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { PaymentsModule } from '../payments/payments.module';
import { PaymentFileRunner } from './payment-file-runner.service';
import { PaymentFilesController } from './payment-files.controller';
import { PaymentFilesProcessor } from './payment-files.processor';
import { PaymentFilesProducer } from './payment-files.producer';
import { PaymentFilesRepository } from './payment-files.repository';
import { PaymentFilesService } from './payment-files.service';

/** Bank and cashier payment files (CSV or fixed width), read by a queued worker and posted as payments. */
@Module({
  imports: [
    PaymentsModule,
    BullModule.registerQueue({ name: PAYMENT_FILE_QUEUE }),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const dest = join(config.uploadDir, 'payment-files');
        mkdirSync(dest, { recursive: true });
        return { dest, limits: { fileSize: PAYMENT_FILE_MAX_BYTES, files: 1 } };
      },
    }),
  ],
  controllers: [PaymentFilesController],
  providers: [
    PaymentFilesService,
    PaymentFileRunner,
    PaymentFilesRepository,
    PaymentFilesProducer,
    PaymentFilesProcessor,
  ],
})
export class PaymentFilesModule {}
