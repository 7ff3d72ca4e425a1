import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module';
import { AttemptContextRepository } from './attempt-context.repository';
import { ComplianceGateService } from './compliance-gate.service';
import { ComplianceRefusalsRepository } from './compliance-refusals.repository';
import { ComplianceRulesRepository } from './compliance-rules.repository';
import { ComplianceRulesService } from './compliance-rules.service';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';
import { ConsentService } from './consent.service';
import { ContactPointConsentsRepository } from './contact-point-consents.repository';

/** The compliance gate every attempt passes (DESIGN.md §5), and the API to edit its rules. */
@Module({
  imports: [TeamsModule],
  controllers: [ComplianceController],
  providers: [
    ComplianceRulesRepository,
    ComplianceRefusalsRepository,
    AttemptContextRepository,
    ComplianceRulesService,
    ComplianceGateService,
    ComplianceService,
    ContactPointConsentsRepository,
    ConsentService,
  ],
  exports: [ComplianceGateService, ConsentService],
})
export class ComplianceModule {}
