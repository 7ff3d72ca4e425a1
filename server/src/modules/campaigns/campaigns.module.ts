import { Module } from '@nestjs/common';
import { ScriptsModule } from '../scripts/scripts.module';
import { TeamsModule } from '../teams/teams.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { DispositionSetsController } from './disposition-sets.controller';

@Module({
  imports: [TeamsModule, ScriptsModule],
  controllers: [CampaignsController, DispositionSetsController],
  providers: [CampaignsRepository, CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
