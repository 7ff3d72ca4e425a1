import { Module } from '@nestjs/common';
import { ClosedPeriodsModule } from '../periods/closed-periods.module';
import { TeamsModule } from '../teams/teams.module';
import { DailyBalanceService } from './daily-balance.service';
import { GatewaySecretController } from './gateway-secret.controller';
import { GatewaySecretsRepository } from './gateway-secrets.repository';
import { PaymentApplicationService } from './payment-application.service';
import { PaymentGatewayService } from './payment-gateway.service';
import { PaymentPostingRepository } from './payment-posting.repository';
import { PaymentQueriesRepository } from './payment-queries.repository';
import { PaymentWebhookController } from './payment-webhook.controller';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Payments in (cashier, gateway webhook, files through PaymentsService), applied, reversed, balanced daily. */
@Module({
  imports: [TeamsModule, ClosedPeriodsModule],
  controllers: [PaymentsController, PaymentWebhookController, GatewaySecretController],
  providers: [
    PaymentsService,
    PaymentApplicationService,
    PaymentPostingRepository,
    PaymentQueriesRepository,
    GatewaySecretsRepository,
    PaymentGatewayService,
    DailyBalanceService,
  ],
  exports: [PaymentsService],
})
export class PaymentsModule {}
