import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { DebitBatchesController } from './debit-batches.controller';
import { DebitBatchesRepository } from './debit-batches.repository';
import { DebitBatchesService } from './debit-batches.service';
import { DebitMandatesController } from './debit-mandates.controller';
import { DebitMandatesRepository } from './debit-mandates.repository';
import { DebitMandatesService } from './debit-mandates.service';
import { DebitResponsesService } from './debit-responses.service';

/** Direct debits (débitos automáticos): mandates, batches for the bank, its responses and retries. */
@Module({
  imports: [PaymentsModule],
  controllers: [DebitMandatesController, DebitBatchesController],
  providers: [
    DebitMandatesService,
    DebitMandatesRepository,
    DebitBatchesService,
    DebitBatchesRepository,
    DebitResponsesService,
  ],
})
export class DirectDebitsModule {}
