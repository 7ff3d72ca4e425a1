import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CHARGES_QUEUE } from '@recupera/shared';
import { AccountsModule } from '../accounts/accounts.module';
import { ChargeAccrualRepository } from './charge-accrual.repository';
import { ChargeLedgerRepository } from './charge-ledger.repository';
import { ChargeSettingsController } from './charge-settings.controller';
import { ChargeSettingsRepository } from './charge-settings.repository';
import { ChargeSettingsService } from './charge-settings.service';
import { ChargeWaiversService } from './charge-waivers.service';
import { ChargesController } from './charges.controller';
import { ChargesProcessor } from './charges.processor';
import { ChargesService } from './charges.service';

/** Late interest and collection fees: rules as data, the daily accrual job, waivers, the account's charges. */
@Module({
  imports: [AccountsModule, BullModule.registerQueue({ name: CHARGES_QUEUE })],
  controllers: [ChargesController, ChargeSettingsController],
  providers: [
    ChargeAccrualRepository,
    ChargeLedgerRepository,
    ChargeSettingsRepository,
    ChargesService,
    ChargeSettingsService,
    ChargeWaiversService,
    ChargesProcessor,
  ],
  exports: [ChargesService],
})
export class ChargesModule {}
