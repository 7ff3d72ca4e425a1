import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { TeamsModule } from '../teams/teams.module';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

/** Promises and payment plans: creation with their schedule, and supervisors' approvals. */
@Module({
  imports: [AccountsModule, TeamsModule],
  controllers: [AgreementsController],
  providers: [AgreementsRepository, AgreementsService],
  exports: [AgreementsService],
})
export class AgreementsModule {}
