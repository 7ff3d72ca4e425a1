import { Module } from '@nestjs/common';
import { RollupRebuildRepository } from './rollup-rebuild.repository';
import { RollupRepository } from './rollup.repository';
import { RollupService } from './rollup.service';

/** The rollup service alone, for the command line (no queue, no scheduler). */
@Module({
  providers: [RollupRepository, RollupRebuildRepository, RollupService],
  exports: [RollupService],
})
export class MetricsCoreModule {}
