import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { APP_CONFIG, type AppConfig } from './config/env.schema';
import { DatabaseModule } from './database/database.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { ClientsModule } from './modules/clients/clients.module';
import { ComplianceModule } from './modules/compliance/compliance.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { RecoveryModule } from './modules/recovery/recovery.module';
import { GoalsModule } from './modules/goals/goals.module';
import { PeriodsModule } from './modules/periods/periods.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { FloorEventsModule } from './modules/realtime/floor-events.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { TeamsModule } from './modules/teams/teams.module';
import { TelephonyModule } from './modules/telephony/telephony.module';
import { DialerModule } from './modules/dialer/dialer.module';
import { AgentsModule } from './modules/agents/agents.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { ScriptsModule } from './modules/scripts/scripts.module';
import { FloorModule } from './modules/floor/floor.module';
import { LifecycleEventsModule } from './modules/lifecycle/lifecycle-events.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { PromisesModule } from './modules/promises/promises.module';
import { FieldOrdersModule } from './modules/field-orders/field-orders.module';
import { LegalModule } from './modules/legal/legal.module';
import { PaymentFilesModule } from './modules/payment-files/payment-files.module';
import { DirectDebitsModule } from './modules/direct-debits/direct-debits.module';
import { PayrollModule } from './modules/payroll/payroll.module';
import { ChargesModule } from './modules/charges/charges.module';
import { UsersModule } from './modules/users/users.module';
import { RedisModule } from './redis/redis.module';
import { bullConnection } from './redis/bull-connection.util';
import { CannedResponsesModule } from './modules/canned-responses/canned-responses.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { MessageCampaignsModule } from './modules/message-campaigns/message-campaigns.module';
import { WidgetModule } from './modules/widget/widget.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => ({ connection: bullConnection(c.redisUrl), prefix: c.queuePrefix }),
        }),
        AuditModule,
        LifecycleEventsModule,
        AuthModule,
        UsersModule,
        TeamsModule,
        ClientsModule,
        AccountsModule,
        CampaignsModule,
        ComplianceModule,
        ImportsModule,
        MetricsModule,
        RecoveryModule,
        GoalsModule,
        PeriodsModule,
        HealthModule,
        RealtimeModule,
        FloorEventsModule,
        DemoModule,
        TelephonyModule,
        DialerModule,
        AgentsModule,
        AgreementsModule,
        PaymentsModule,
        PaymentFilesModule,
        DirectDebitsModule,
        PayrollModule,
        PromisesModule,
        ScriptsModule,
        FloorModule,
        FieldOrdersModule,
        LegalModule,
        ChargesModule,
        ConversationsModule,
        CannedResponsesModule,
        MessagingModule,
        MessageCampaignsModule,
        WidgetModule,
      ],
    };
  }
}
