import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module';
import { RecoveryController } from './recovery.controller';
import { RecoveryRepository } from './recovery.repository';
import { RecoveryService } from './recovery.service';

/** The manager's recovery dashboard, its drill-downs and exports, read from the metric rollups. */
@Module({
  imports: [TeamsModule],
  controllers: [RecoveryController],
  providers: [RecoveryRepository, RecoveryService],
  exports: [RecoveryRepository, RecoveryService],
})
export class RecoveryModule {}
