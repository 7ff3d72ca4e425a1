import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LegalCasesRepository } from './legal-cases.repository';
import { LegalCasesService } from './legal-cases.service';
import { LegalTransfersRepository } from './legal-transfers.repository';
import { LegalTransfersService } from './legal-transfers.service';
import { LegalController } from './legal.controller';

/** The legal stage: transfers between the floor, external agencies and law firms; cases and their log. */
@Module({
  imports: [AccountsModule],
  controllers: [LegalController],
  providers: [LegalCasesRepository, LegalCasesService, LegalTransfersRepository, LegalTransfersService],
})
export class LegalModule {}
