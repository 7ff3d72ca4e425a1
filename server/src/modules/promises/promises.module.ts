import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MESSAGE_REMINDERS_QUEUE, PROMISES_QUEUE } from '@recupera/shared';
import { AccountsModule } from '../accounts/accounts.module';
import { DialerModule } from '../dialer/dialer.module';
import { MessageCampaignsModule } from '../message-campaigns/message-campaigns.module';
import { TeamsModule } from '../teams/teams.module';
import { AgreementDocumentController } from './agreement-document.controller';
import { AgreementDocumentRepository } from './agreement-document.repository';
import { AgreementDocumentService } from './agreement-document.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PromiseCheckProcessor } from './promise-check.processor';
import { PromiseCheckRepository } from './promise-check.repository';
import { PromiseCheckService } from './promise-check.service';
import { PromisesController } from './promises.controller';
import { RemindersProcessor } from './reminders.processor';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/**
 * Promises kept and broken: the daily check (BullMQ job scheduler), the notifications it leaves,
 * the payment reminders it records as due and their sending, and the printable agreement document.
 */
@Module({
  imports: [
    AccountsModule,
    TeamsModule,
    DialerModule,
    MessageCampaignsModule,
    BullModule.registerQueue({ name: PROMISES_QUEUE }, { name: MESSAGE_REMINDERS_QUEUE }),
  ],
  controllers: [PromisesController, NotificationsController, AgreementDocumentController],
  providers: [
    PromiseCheckRepository,
    PromiseCheckService,
    PromiseCheckProcessor,
    NotificationsRepository,
    NotificationsService,
    RemindersRepository,
    RemindersService,
    RemindersProcessor,
    AgreementDocumentRepository,
    AgreementDocumentService,
  ],
  exports: [PromiseCheckService],
})
export class PromisesModule {}
