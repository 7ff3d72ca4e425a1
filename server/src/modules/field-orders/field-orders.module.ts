import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { FIELD_ORDERS_QUEUE } from '@recupera/shared';
import { TeamsModule } from '../teams/teams.module';
import { FieldCrewsController } from './field-crews.controller';
import { FieldOrderReconciler } from './field-order-reconciler.service';
import { FieldOrdersController } from './field-orders.controller';
import { FieldOrdersProcessor } from './field-orders.processor';
import { FieldOrdersRepository } from './field-orders.repository';
import { FieldOrdersService } from './field-orders.service';
import { UtilityAccountsRepository } from './utility-accounts.repository';
import { UtilityRulesController } from './utility-rules.controller';
import { UtilityRulesRepository } from './utility-rules.repository';
import { UtilityRulesService } from './utility-rules.service';

/**
 * Utility operations: suspension (corte) and reconnection orders for field crews, generated from
 * each client's unpaid-bills rule (capped by its jurisdiction's law) and from payments and agreements.
 */
@Module({
  imports: [TeamsModule, BullModule.registerQueue({ name: FIELD_ORDERS_QUEUE })],
  controllers: [FieldOrdersController, FieldCrewsController, UtilityRulesController],
  providers: [
    FieldOrdersRepository,
    UtilityAccountsRepository,
    UtilityRulesRepository,
    FieldOrderReconciler,
    FieldOrdersService,
    UtilityRulesService,
    FieldOrdersProcessor,
  ],
})
export class FieldOrdersModule {}
