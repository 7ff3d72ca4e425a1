import { Module } from '@nestjs/common';
import { ClosedPeriodsRepository } from './closed-periods.repository';
import { ClosedPeriodsService } from './closed-periods.service';

/**
 * Which months are closed, for the features that write dated movements (payments, back-dated
 * records). Kept apart from the period reports so importing it pulls in nothing else.
 */
@Module({
  providers: [ClosedPeriodsRepository, ClosedPeriodsService],
  // The repository is for the period reports' own module; other features use the service.
  exports: [ClosedPeriodsService, ClosedPeriodsRepository],
})
export class ClosedPeriodsModule {}
