import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ClientsModule } from '../clients/clients.module';
import { ImportsCoreModule } from '../imports/imports-core.module';
import { MessagingModule } from '../messaging/messaging.module';
import { ScriptsModule } from '../scripts/scripts.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoDebtorsService } from './demo-debtors.service';
import { DemoFloorService } from './demo-floor.service';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [
    CampaignsModule,
    ClientsModule,
    ImportsCoreModule,
    MessagingModule,
    ScriptsModule,
    TeamsModule,
    UsersModule,
  ],
  providers: [DemoRepository, DemoService, DemoFloorService, DemoDebtorsService],
  exports: [DemoService, DemoFloorService],
})
export class DemoModule {}
