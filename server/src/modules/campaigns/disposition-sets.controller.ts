import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth-metadata.util';
import { CampaignsService } from './campaigns.service';

/**
 * Disposition sets as the campaign editor offers them. Served by the campaigns module until
 * dispositions get their own module (editing sets, the agent's wrap-up); the route already has
 * its final name.
 */
@ApiTags('dispositions')
@ApiBearerAuth()
@Controller('dispositions')
export class DispositionSetsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get('sets')
  @Roles('supervisor', 'manager', 'admin')
  sets() {
    return this.campaigns.dispositionSets();
  }
}
