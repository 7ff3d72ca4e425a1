import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { DialerModule } from '../dialer/dialer.module';
import { TeamsModule } from '../teams/teams.module';
import { FloorController } from './floor.controller';
import { FloorService } from './floor.service';
import { SupervisorGateway } from './supervisor.gateway';

/** What supervisors watch live: the /supervisor socket and each running campaign's measurements. */
@Module({
  imports: [DialerModule, CampaignsModule, TeamsModule],
  controllers: [FloorController],
  providers: [FloorService, SupervisorGateway],
})
export class FloorModule {}
