import { Module } from '@nestjs/common';
import { MetricsCoreModule } from '../metrics/metrics-core.module';
import { RecoveryModule } from '../recovery/recovery.module';
import { TeamsModule } from '../teams/teams.module';
import { ClosedPeriodsModule } from './closed-periods.module';
import { PeriodFiguresService } from './period-figures.service';
import { PeriodSnapshotsRepository } from './period-snapshots.repository';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

/**
 * Month close and the period reports. The figures come from the recovery dashboard's own service
 * and repository over the rollups (RecoveryModule exports only its repository, so the stateless
 * service is provided here too, over the same repository).
 */
@Module({
  imports: [ClosedPeriodsModule, MetricsCoreModule, RecoveryModule, TeamsModule],
  controllers: [PeriodsController],
  providers: [PeriodSnapshotsRepository, PeriodFiguresService, PeriodsService],
})
export class PeriodsModule {}
