import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { DialerModule } from '../dialer/dialer.module';
import { TeamsModule } from '../teams/teams.module';
import { FloorSnapshotRepository } from './floor-snapshot.repository';
import { FloorSnapshotService } from './floor-snapshot.service';
import { FloorController } from './floor.controller';
import { FloorService } from './floor.service';
import { SupervisorGateway } from './supervisor.gateway';

/** What supervisors watch live: the /supervisor socket and each running campaign's measurements. */
@Module({
  imports: [DialerModule, CampaignsModule, TeamsModule, ConversationsModule],
  controllers: [FloorController],
  providers: [FloorService, FloorSnapshotRepository, FloorSnapshotService, SupervisorGateway],
})
export class FloorModule {}
