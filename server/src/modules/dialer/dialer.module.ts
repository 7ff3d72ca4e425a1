import { Inject, Logger, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  DialerEngine,
  DialerProcessor,
  DialerProducer,
  RedisCommandBus,
  SimulatedCarrier,
  SIMULATED_SCENARIOS,
  type Carrier,
} from '@recupera/dialer';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { bullConnection } from '../../redis/bull-connection.util';
import { AccountsModule } from '../accounts/accounts.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { ScriptsModule } from '../scripts/scripts.module';
import { TelephonyModule, TWILIO_CARRIER } from '../telephony/telephony.module';
import { DIALER_ENGINE, CARRIER } from './dialer.constant';
import { FloorEventsService } from '../realtime/floor-events.service';
import { DialerStoreService } from './dialer-store.service';
import { DialerRepository } from './dialer.repository';

const PRODUCER = Symbol('DIALER_PRODUCER');

/**
 * The live dialer in this process. Every process (server or dialer worker) can handle carrier
 * events and agents' actions, since all state is in Redis and MariaDB; only processes with
 * RUN_DIALER=true consume the dialer queue (pacing ticks, dials, retries, callbacks).
 */
@Module({
  imports: [ComplianceModule, TelephonyModule, ScriptsModule, AccountsModule],
  providers: [
    DialerRepository,
    DialerStoreService,
    {
      provide: CARRIER,
      inject: [APP_CONFIG, REDIS, TWILIO_CARRIER],
      useFactory: (config: AppConfig, redis: Redis, twilio: Carrier | null): Carrier => {
        if (config.carrier === 'twilio' && twilio) return twilio;
        return new SimulatedCarrier({
          seed: config.simulatedCarrierSeed,
          timeScale: config.simulatedCarrierTimeScale,
          scenario: SIMULATED_SCENARIOS[config.simulatedCarrierScenario],
          bus: new RedisCommandBus(redis, `${config.queuePrefix}:dialer:simulated-carrier`),
        });
      },
    },
    {
      provide: PRODUCER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new DialerProducer(bullConnection(config.redisUrl), config.queuePrefix),
    },
    {
      provide: DIALER_ENGINE,
      inject: [APP_CONFIG, REDIS, CARRIER, PRODUCER, DialerStoreService, FloorEventsService],
      useFactory: (
        config: AppConfig,
        redis: Redis,
        carrier: Carrier,
        producer: DialerProducer,
        store: DialerStoreService,
        events: FloorEventsService,
      ) => {
        const logger = new Logger('Dialer');
        return new DialerEngine({
          redis,
          keyPrefix: config.queuePrefix,
          store,
          carrier,
          events,
          jobs: producer,
          clock: { now: () => new Date() },
          limits: {
            callsPerSecond: config.dialerCallsPerSecond,
            concurrentLines: config.dialerMaxLines,
            agencyTimeZone: config.agencyTimeZone,
            callerId: config.callerId,
          },
          onError: (error, where) =>
            logger.error(`${where}: ${error instanceof Error ? error.message : String(error)}`),
          syncTicks: (ids) => producer.syncTicks(ids),
        });
      },
    },
  ],
  exports: [DIALER_ENGINE, CARRIER, DialerStoreService],
})
export class DialerModule implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Dialer');
  private processor: DialerProcessor | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    @Inject(CARRIER) private readonly carrier: Carrier,
    @Inject(PRODUCER) private readonly producer: DialerProducer,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.carrier instanceof SimulatedCarrier) await this.carrier.start();
    await this.producer.ready();
    if (!this.config.runDialer) return;
    this.processor = new DialerProcessor(
      this.engine,
      bullConnection(this.config.redisUrl),
      this.config.queuePrefix,
      (error, job) => this.logger.error(`${job}: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.processor.start();
    await this.producer.scheduleReconcile();
  }

  /** Before Redis and the database close: the worker finishes its jobs while they are still there. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.processor?.close();
    this.engine.close();
    await this.carrier.close();
    await this.producer.close();
  }
}
