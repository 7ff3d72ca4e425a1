import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { METRICS_QUEUE } from '@recupera/shared';
import { MetricsCoreModule } from './metrics-core.module';
import { MetricsRollupProcessor } from './metrics-rollup.processor';

/** The dashboards' rollup tables, kept up to date incrementally (every 2 s) and rebuildable per month. */
@Module({
  imports: [MetricsCoreModule, BullModule.registerQueue({ name: METRICS_QUEUE })],
  providers: [MetricsRollupProcessor],
  exports: [MetricsCoreModule],
})
export class MetricsModule {}
