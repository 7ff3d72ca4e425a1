import { Inject, Injectable } from '@nestjs/common';
import {
  accountStanding,
  agencyDate,
  applyPayment,
  CHARGE_COMPONENTS,
  DEFAULT_APPLICATION_ORDER,
  installmentStatusOf,
  parseApplicationOrder,
  reverseApplication,
  type AccountOwed,
  type AccountMoneyState,
  type ChargeComponent,
  type PaymentChannel,
} from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import type { Tx } from '../../database/unit-of-work.service';
import {
  PaymentPostingRepository,
  type ActiveAgreement,
  type LedgerEntry,
  type LockedAccount,
} from './payment-posting.repository';

export interface PostingInput {
  accountId: string;
  amountMinor: number;
  channel: PaymentChannel;
  reference: string;
  /** The booking instant (metrics count the payment then). */
  paidAt: Date;
  /** When the debtor actually paid, if booked at another instant (a closed period). */
  valueAt: Date | null;
  note: string | null;
  batchId: string | null;
  createdBy: string | null;
  /** When given, must be the account's currency. */
  currency?: string;
}

/** What a committed posting or reversal changed, for the events sent after commit. */
export interface MoneyMoved {
  paymentId: string;
  accountId: string;
  money: AccountMoneyState;
  keptAgreementId: string | null;
  reopenedAgreementId: string | null;
}

const OWED_KEY: Readonly<Record<ChargeComponent, keyof AccountOwed>> = {
  interest: 'interestMinor',
  fees: 'feesMinor',
  principal: 'principalMinor',
};

/**
 * The money side of a payment, inside one transaction with the account row locked: the
 * application to the active agreement's installments and the account's parts, the installments'
 * and agreement's new state (kept when the last one is paid; a plan that settles the debt writes the
 * rest off), and the account's balance, days past due and aging bucket. A reversal undoes exactly
 * the payment's allocations and the write-off it caused.
 */
@Injectable()
export class PaymentApplicationService {
  constructor(
    private readonly repository: PaymentPostingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(tx: Tx, input: PostingInput, now: Date): Promise<MoneyMoved> {
    const account = await this.repository.lockAccount(tx, input.accountId);
    if (!account) throw AppException.notFound('Account');
    if (input.currency && input.currency !== account.currency)
      throw AppException.invalid(`The account is in ${account.currency}, not ${input.currency}`);
    const agreement = await this.repository.activeAgreement(tx, account.id);
    const open = (agreement?.installments ?? []).filter(
      (i) => i.status === 'pending' || i.status === 'partial',
    );
    const order = parseApplicationOrder(account.applicationOrder) ?? [...DEFAULT_APPLICATION_ORDER];
    const applied = applyPayment(input.amountMinor, owedOf(account), open, order);

    const paymentId = await this.repository.insertPayment(tx, {
      ...input,
      clientId: account.clientId,
      teamId: account.teamId,
      agentId: account.agentId,
      currency: account.currency,
    });
    await this.repository.insertAllocations(tx, paymentId, applied.lines);

    let owed = applied.owed;
    let keptAgreementId: string | null = null;
    if (agreement) {
      const paidAt = input.valueAt ?? input.paidAt;
      for (const installment of agreement.installments) {
        const paid = applied.installmentsPaid.get(installment.id);
        if (paid === undefined) continue;
        const status = installmentStatusOf(installment.status, installment.amountMinor, paid);
        installment.paidMinor = paid;
        installment.status = status;
        await this.repository.setInstallment(
          tx,
          installment.id,
          paid,
          status,
          status === 'paid' ? paidAt : null,
        );
      }
      if (agreement.installments.every((i) => i.status === 'paid' || i.status === 'cancelled')) {
        keptAgreementId = agreement.id;
        await this.repository.setAgreementStatus(tx, agreement.id, 'kept', now);
        if (agreement.settlesInFull) owed = await this.writeOffRest(tx, account, owed, paymentId, now);
      }
    }
    const money = await this.settle(
      tx,
      account,
      owed,
      account.creditMinor + applied.creditMinor,
      keptAgreementId ? null : agreement,
      now,
    );
    return { paymentId, accountId: account.id, money, keptAgreementId, reopenedAgreementId: null };
  }

  async reverse(tx: Tx, paymentId: string, accountId: string, now: Date): Promise<MoneyMoved> {
    const account = await this.repository.lockAccount(tx, accountId);
    if (!account) throw AppException.notFound('Account');
    const lines = await this.repository.allocations(tx, paymentId);
    const back = reverseApplication(lines, owedOf(account), account.creditMinor);
    let owed = back.owed;

    // The write-off a settling payment caused comes back with it.
    const writeOffs = await this.repository.ledgerOf(tx, 'payment', paymentId);
    const undo: LedgerEntry[] = writeOffs.map((e) => ({
      ...e,
      kind: `${e.kind}_reversal`,
      amountMinor: -e.amountMinor,
      effectiveDate: agencyDate(this.config.agencyTimeZone, now),
      refType: 'payment_reversal',
      note: null,
    }));
    for (const e of undo)
      owed = { ...owed, [OWED_KEY[e.component]]: owed[OWED_KEY[e.component]] + e.amountMinor };
    await this.repository.insertLedger(tx, undo);

    let reopenedAgreementId: string | null = null;
    let agreement: ActiveAgreement | null = null;
    const agreementIds = await this.repository.agreementIdsOf(tx, [...back.installmentsTaken.keys()]);
    for (const agreementId of agreementIds) {
      const found = await this.repository.agreementById(tx, agreementId);
      for (const installment of found.installments) {
        const taken = back.installmentsTaken.get(installment.id);
        if (taken === undefined) continue;
        installment.paidMinor -= taken;
        installment.status = installmentStatusOf(
          installment.status === 'paid' ? 'pending' : installment.status,
          installment.amountMinor,
          installment.paidMinor,
        );
        await this.repository.setInstallment(
          tx,
          installment.id,
          installment.paidMinor,
          installment.status,
          installment.status === 'paid' ? installment.paidAt : null,
        );
      }
      if (found.status === 'kept') {
        await this.repository.setAgreementStatus(tx, agreementId, 'active', null);
        reopenedAgreementId = agreementId;
        agreement = found;
      } else if (found.status === 'active') agreement = found;
    }
    agreement ??= await this.repository.activeAgreement(tx, account.id);
    const money = await this.settle(tx, account, owed, back.creditMinor, agreement, now);
    return { paymentId, accountId: account.id, money, keptAgreementId: null, reopenedAgreementId };
  }

  /** A settling plan's last payment: whatever is still owed (interest accrued meanwhile) is forgiven. */
  private async writeOffRest(
    tx: Tx,
    account: LockedAccount,
    owed: AccountOwed,
    paymentId: string,
    now: Date,
  ): Promise<AccountOwed> {
    const entries: LedgerEntry[] = CHARGE_COMPONENTS.filter((c) => owed[OWED_KEY[c]] > 0).map(
      (component) => ({
        accountId: account.id,
        kind: 'writeoff',
        component,
        amountMinor: -owed[OWED_KEY[component]],
        currency: account.currency,
        effectiveDate: agencyDate(this.config.agencyTimeZone, now),
        refType: 'payment',
        refId: paymentId,
        note: 'agreement settled in full',
        createdBy: null,
      }),
    );
    await this.repository.insertLedger(tx, entries);
    return { interestMinor: 0, feesMinor: 0, principalMinor: 0 };
  }

  private async settle(
    tx: Tx,
    account: LockedAccount,
    owed: AccountOwed,
    creditMinor: number,
    agreement: ActiveAgreement | null,
    now: Date,
  ): Promise<AccountMoneyState> {
    const balanceMinor = owed.principalMinor + owed.interestMinor + owed.feesMinor;
    const unpaid = (agreement?.installments ?? [])
      .filter((i) => i.status === 'pending' || i.status === 'partial')
      .map((i) => i.dueDate)
      .sort();
    const standing = accountStanding({
      balanceMinor,
      status: account.status,
      dueDate: account.dueDate,
      agreementOldestUnpaidDue: unpaid[0] ?? null,
      hasActiveAgreement: agreement !== null && balanceMinor > 0,
      today: agencyDate(this.config.agencyTimeZone, now),
    });
    const money = { balanceMinor, ...owed, creditMinor, ...standing };
    await this.repository.setAccountMoney(tx, account.id, money);
    return money;
  }
}

function owedOf(account: LockedAccount): AccountOwed {
  return {
    interestMinor: account.interestMinor,
    feesMinor: account.feesMinor,
    principalMinor: account.balanceMinor - account.interestMinor - account.feesMinor,
  };
}
