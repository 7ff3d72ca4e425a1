import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { agencyDate, splitWaiver } from '@recupera/shared';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { ChargeLedgerRepository } from './charge-ledger.repository';

/** Agreements with missed waivers booked per daily run; more wait for the next one. */
const CATCH_UP_LIMIT = 1_000;

/**
 * An agreement's waiver comes off the account when the agreement becomes active: as negative
 * ledger rows (interest first, then fees, then principal for what is left) and off the account's
 * parts and balance, in one transaction with the account locked. Booked once per agreement (a key
 * on the agreement), so a repeated event changes nothing; the daily run books any event missed.
 */
@Injectable()
export class ChargeWaiversService implements OnModuleInit {
  constructor(
    private readonly ledger: ChargeLedgerRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly lifecycle: LifecycleEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.on('agreement.activated', async (event) => {
      await this.book(event.agreementId, event.at);
    });
  }

  /** True when this call booked the waiver (false: nothing to book, or booked before). */
  async book(agreementId: string, at = new Date()): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const agreement = await this.ledger.agreementWaiver(tx, agreementId);
      if (!agreement || agreement.waiverMinor <= 0) return false;
      const money = await this.ledger.lockMoney(tx, agreement.accountId);
      if (!money) return false;
      const split = splitWaiver(agreement.waiverMinor, {
        interestMinor: money.interestMinor,
        feesMinor: money.feesMinor,
        principalMinor: money.balanceMinor - money.interestMinor - money.feesMinor,
      });
      if (!(await this.ledger.claimWaiver(tx, agreementId, agreement.accountId, split, at))) return false;
      const day = agencyDate(this.config.agencyTimeZone, at);
      await this.ledger.bookWaiver(tx, agreementId, agreement.accountId, money.currency, split, day);
      await this.audit.record(
        {
          actor: null,
          action: 'charges.waiver-booked',
          entityType: 'agreement',
          entityId: agreementId,
          before: money,
          after: { accountId: agreement.accountId, waiverMinor: agreement.waiverMinor, ...split },
        },
        tx,
      );
      return true;
    });
  }

  /** Books the waivers of active agreements whose activation event never reached this feature. */
  async catchUp(now = new Date()): Promise<number> {
    let booked = 0;
    for (const id of await this.ledger.unbookedWaivers(CATCH_UP_LIMIT))
      if (await this.book(id, now)) booked += 1;
    return booked;
  }
}
