import { Injectable } from '@nestjs/common';
import type { PaymentAccountLookup, PaymentChannel, PaymentResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { retryOnLockConflict } from '../../database/lock-retry.util';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { ClosedPeriodsService } from '../periods/closed-periods.service';
import { TeamsService } from '../teams/teams.service';
import { PaymentApplicationService, type MoneyMoved, type PostingInput } from './payment-application.service';
import { PaymentPostingRepository } from './payment-posting.repository';
import { PaymentQueriesRepository } from './payment-queries.repository';

const ER_DUP_ENTRY = 1062;

/** Who posts: a person (audited as them) or a system channel (a gateway, a bank file). */
export interface PostingActor {
  user: AuthUser | null;
  ip: string | null;
}

export interface PaymentRequest {
  accountId: string;
  amountMinor: number;
  channel: PaymentChannel;
  reference: string;
  paidAt: Date;
  note?: string | null;
  batchId?: string | null;
  currency?: string;
}

/**
 * Payments in: each one applied to its account in one transaction (see PaymentApplicationService),
 * idempotent by the client's reference — a repeat (a gateway retry, a file loaded twice) answers the
 * payment already posted and applies nothing — audited, and announced after commit so agreements,
 * field orders and the floor can act.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly application: PaymentApplicationService,
    private readonly posting: PaymentPostingRepository,
    private readonly queries: PaymentQueriesRepository,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly lifecycle: LifecycleEvents,
    private readonly uow: UnitOfWork,
    private readonly closedPeriods: ClosedPeriodsService,
  ) {}

  /** The accounts a caller may take payments for: back office all, a supervisor their teams'. */
  async assertPayable(user: AuthUser, accountId: string): Promise<void> {
    if (!(await this.payable(user, accountId))) throw AppException.notFound('Account');
  }

  private async payable(user: AuthUser, accountId: string): Promise<boolean> {
    if (user.role === 'agent' || user.role === 'field') return false;
    const scope = user.role === 'cashier' ? 'all' : await this.teams.visibleTeamIds(user);
    return this.queries.accountInScope(accountId, scope);
  }

  /** The accounts with this number (of every client, or of one), that the caller may take payments for. */
  async lookup(user: AuthUser, accountNumber: string, clientId?: string): Promise<PaymentAccountLookup[]> {
    const found: PaymentAccountLookup[] = [];
    for (const match of await this.queries.lookup(accountNumber, clientId)) {
      if (await this.payable(user, match.accountId)) found.push(match);
    }
    return found;
  }

  async post(actor: PostingActor, request: PaymentRequest, now = new Date()): Promise<PaymentResponse> {
    if (actor.user) await this.assertPayable(actor.user, request.accountId);
    if (request.paidAt.getTime() > now.getTime() + 60_000)
      throw AppException.invalid('A payment cannot be dated in the future');
    const clientId = await this.queries.clientOf(request.accountId);
    if (!clientId) throw AppException.notFound('Account');
    const repeat = await this.repeatOf(clientId, request);
    if (repeat) return repeat;

    const input: PostingInput = {
      accountId: request.accountId,
      amountMinor: request.amountMinor,
      channel: request.channel,
      reference: request.reference,
      paidAt: request.paidAt,
      valueAt: null,
      note: request.note ?? null,
      batchId: request.batchId ?? null,
      createdBy: actor.user?.id ?? null,
      currency: request.currency,
    };
    let moved: MoneyMoved;
    try {
      // A lost lock (the rollup turns mark payments and installments) rolls everything back: run it again.
      moved = await retryOnLockConflict(() =>
        this.uow.run(async (tx) => {
          // A payment dated in a closed month is booked into the open one; the date paid is kept.
          const booking = await this.closedPeriods.bookingInstant(input.paidAt, tx);
          const booked = booking.rebooked ? { ...input, paidAt: booking.at, valueAt: input.paidAt } : input;
          const result = await this.application.apply(tx, booked, now);
          await this.audit.record(
            {
              actor: actor.user,
              action: booking.rebooked ? 'payment.posted-rebooked' : 'payment.posted',
              entityType: 'payment',
              entityId: result.paymentId,
              after: { ...booked, account: result.money },
              ip: actor.ip,
            },
            tx,
          );
          return result;
        }),
      );
    } catch (error) {
      // Two deliveries of one reference at once: the one that lost the race answers the winner's.
      if (errnoOf(error) === ER_DUP_ENTRY) {
        const winner = await this.repeatOf(clientId, request);
        if (winner) return winner;
      }
      throw error;
    }
    await this.announce(moved, request.amountMinor, now, 'payment.applied');
    return this.get(moved.paymentId, false);
  }

  async reverse(
    actor: PostingActor,
    paymentId: string,
    reason: string,
    now = new Date(),
  ): Promise<PaymentResponse> {
    const stored = await this.queries.paymentAccount(paymentId);
    if (!stored) throw AppException.notFound('Payment');
    if (actor.user) await this.assertPayable(actor.user, stored.accountId);
    const moved = await retryOnLockConflict(() =>
      this.uow.run(async (tx) => {
        const payment = await this.posting.lockPayment(tx, paymentId);
        if (!payment) throw AppException.notFound('Payment');
        if (payment.status === 'reversed') throw AppException.conflict('The payment is already reversed');
        const result = await this.application.reverse(tx, paymentId, payment.accountId, now);
        await this.posting.markReversed(tx, paymentId, now, reason, actor.user?.id ?? null);
        await this.audit.record(
          {
            actor: actor.user,
            action: 'payment.reversed',
            entityType: 'payment',
            entityId: paymentId,
            before: { status: 'applied' },
            after: { status: 'reversed', reason, account: result.money },
            ip: actor.ip,
          },
          tx,
        );
        return result;
      }),
    );
    await this.announce(moved, 0, now, 'payment.reversed');
    return this.get(paymentId, false);
  }

  async get(paymentId: string, duplicate: boolean): Promise<PaymentResponse> {
    const found = await this.queries.payment(paymentId);
    if (!found) throw AppException.notFound('Payment');
    return { ...found, duplicate };
  }

  async forAccount(user: AuthUser, accountId: string): Promise<PaymentResponse[]> {
    await this.assertPayable(user, accountId);
    return (await this.queries.accountPayments(accountId)).map((p) => ({ ...p, duplicate: false }));
  }

  async byReference(clientId: string, reference: string): Promise<PaymentResponse | null> {
    const id = await this.queries.paymentIdByReference(clientId, reference);
    return id ? this.get(id, true) : null;
  }

  /** A reference seen before: the same payment answers again; another one under it is a conflict. */
  private async repeatOf(clientId: string, request: PaymentRequest): Promise<PaymentResponse | null> {
    const existing = await this.byReference(clientId, request.reference);
    if (!existing) return null;
    if (existing.accountId !== request.accountId || existing.amountMinor !== request.amountMinor)
      throw AppException.conflict(
        `Reference ${request.reference} is already a payment of ${existing.amountMinor} on account ${existing.accountNumber}`,
      );
    return existing;
  }

  private async announce(
    moved: MoneyMoved,
    amountMinor: number,
    at: Date,
    name: 'payment.applied' | 'payment.reversed',
  ): Promise<void> {
    const base = {
      accountId: moved.accountId,
      paymentId: moved.paymentId,
      balanceMinor: moved.money.balanceMinor,
      status: moved.money.status,
      at,
    };
    if (name === 'payment.applied') await this.lifecycle.emit(name, { ...base, amountMinor });
    else await this.lifecycle.emit(name, base);
    if (moved.keptAgreementId)
      await this.lifecycle.emit('agreement.kept', {
        accountId: moved.accountId,
        agreementId: moved.keptAgreementId,
        at,
      });
  }
}

function errnoOf(error: unknown): number | undefined {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e.driverError?.errno ?? e.errno;
}
