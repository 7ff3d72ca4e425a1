import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  JURISDICTION_DEFAULTS,
  decideFieldOrders,
  localParts,
  protectedStrataOf,
  routeOf,
  suspensionThreshold,
  type FieldOrderAction,
  type GenerateFieldOrdersResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { UnitOfWork, type Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { FieldOrdersRepository, type NewFieldOrder } from './field-orders.repository';
import { UtilityAccountsRepository, type UtilityAccountRecord } from './utility-accounts.repository';

/** Accounts read per round trip of the hourly run. */
const CHUNK = 500;

interface Trigger {
  at: Date;
  /** What caused the run, kept on the orders it creates ('payment:12', 'agreement:7'). */
  causeRef: string | null;
  actor: AuthUser | null;
}

interface AccountOutcome {
  suspensionRoutes: (string | null)[];
  suspensionsCancelled: number;
  reconnectionsCreated: number;
}

const NOTHING: AccountOutcome = { suspensionRoutes: [], suspensionsCancelled: 0, reconnectionsCreated: 0 };

/** The account's actions under its client's rule, capped by its jurisdiction, on the local date there. */
export function actionsFor(record: UtilityAccountRecord, now: Date): FieldOrderAction[] {
  const policy = {
    threshold: suspensionThreshold(record.rule.unpaidBillsToSuspend, record.cap?.maxUnpaidBills ?? null),
    suspensionDueHours: record.rule.suspensionDueHours,
    reconnectionFeeMinor: record.rule.reconnectionFeeMinor,
    protectedStrata: protectedStrataOf(record.rule.protectedStrata, record.cap?.protectedStrata ?? null),
  };
  const today = localParts(now, JURISDICTION_DEFAULTS[record.jurisdiction].timeZone).date;
  return decideFieldOrders(
    { ...record, openKinds: record.openOrders.map((o) => o.kind) },
    policy,
    today,
    now,
  );
}

/**
 * Keeps every utility account's field orders in line with the rules: suspensions for accounts with
 * too many unpaid bills, cancelled when the cause goes away, and reconnections within 24 h for
 * suspended services once paid, back under the threshold or under an agreement. Runs hourly (the
 * job), and for one account when a payment is applied or an agreement activated; idempotent, so
 * the hourly run catches up on whatever an event missed.
 */
@Injectable()
export class FieldOrderReconciler implements OnModuleInit {
  constructor(
    private readonly accounts: UtilityAccountsRepository,
    private readonly orders: FieldOrdersRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    private readonly lifecycle: LifecycleEvents,
  ) {}

  onModuleInit(): void {
    this.lifecycle.on('payment.applied', async (event) => {
      await this.reconcileAccount(event.accountId, {
        at: event.at,
        causeRef: `payment:${event.paymentId}`,
        actor: null,
      });
    });
    this.lifecycle.on('agreement.activated', async (event) => {
      await this.reconcileAccount(event.accountId, {
        at: event.at,
        causeRef: `agreement:${event.agreementId}`,
        actor: null,
      });
    });
  }

  /** Every utility account, read in chunks without locks; only accounts with work are locked. */
  async reconcileAll(actor: AuthUser | null, now = new Date()): Promise<GenerateFieldOrdersResponse> {
    const totals: GenerateFieldOrdersResponse = {
      accountsChecked: 0,
      suspensionsCreated: 0,
      suspensionsCancelled: 0,
      reconnectionsCreated: 0,
      suspensionsByRoute: [],
    };
    const byRoute = new Map<string | null, number>();
    let afterId = '0';
    for (;;) {
      const ids = await this.accounts.candidateIds(afterId, CHUNK);
      if (ids.length === 0) break;
      afterId = ids[ids.length - 1];
      const records = await this.accounts.records(ids);
      totals.accountsChecked += records.length;
      for (const record of records) {
        if (actionsFor(record, now).length === 0) continue;
        const outcome = await this.reconcileLocked(record.accountId, { at: now, causeRef: null, actor });
        for (const route of outcome.suspensionRoutes) byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
        totals.suspensionsCreated += outcome.suspensionRoutes.length;
        totals.suspensionsCancelled += outcome.suspensionsCancelled;
        totals.reconnectionsCreated += outcome.reconnectionsCreated;
      }
    }
    totals.suspensionsByRoute = [...byRoute]
      .map(([route, count]) => ({ route, count }))
      .sort((a, b) => b.count - a.count || String(a.route).localeCompare(String(b.route)));
    return totals;
  }

  /** One account; a quick read first, so the many accounts with nothing to do take no lock. */
  async reconcileAccount(accountId: string, trigger: Trigger): Promise<AccountOutcome> {
    const [record] = await this.accounts.records([accountId]);
    if (!record || actionsFor(record, trigger.at).length === 0) return NOTHING;
    return this.reconcileLocked(accountId, trigger);
  }

  private reconcileLocked(accountId: string, trigger: Trigger): Promise<AccountOutcome> {
    return this.uow.run(async (tx) => {
      if (!(await this.accounts.lockAccount(tx, accountId))) return NOTHING;
      const [record] = await this.accounts.records([accountId], tx);
      if (!record) return NOTHING;
      const outcome: AccountOutcome = {
        suspensionRoutes: [],
        suspensionsCancelled: 0,
        reconnectionsCreated: 0,
      };
      for (const action of actionsFor(record, trigger.at)) {
        switch (action.type) {
          case 'suspend': {
            const route = routeOf(record);
            const created = await this.create(tx, record, trigger, {
              kind: 'suspension',
              cause: 'unpaid_bills',
              route,
              unpaidBills: action.unpaidBills,
              feeMinor: 0,
              dueAt: action.dueAt,
            });
            if (created) outcome.suspensionRoutes.push(route);
            break;
          }
          case 'cancel-suspension':
            for (const open of record.openOrders.filter((o) => o.kind === 'suspension')) {
              if (!(await this.orders.cancel(tx, open.id, action.reason, trigger.at))) continue;
              outcome.suspensionsCancelled += 1;
              await this.audit.record(
                {
                  actor: trigger.actor,
                  action: 'field-order.cancelled',
                  entityType: 'field_order',
                  entityId: open.id,
                  before: { state: open.state },
                  after: { state: 'cancelled', reason: action.reason, causeRef: trigger.causeRef },
                },
                tx,
              );
            }
            break;
          case 'reconnect':
            if (
              await this.create(tx, record, trigger, {
                kind: 'reconnection',
                cause: action.cause,
                route: routeOf(record),
                unpaidBills: 0,
                feeMinor: action.feeMinor,
                dueAt: action.dueAt,
              })
            )
              outcome.reconnectionsCreated += 1;
            break;
        }
      }
      return outcome;
    });
  }

  private async create(
    tx: Tx,
    record: UtilityAccountRecord,
    trigger: Trigger,
    order: Pick<NewFieldOrder, 'kind' | 'cause' | 'route' | 'unpaidBills' | 'feeMinor' | 'dueAt'>,
  ): Promise<boolean> {
    const crewId = await this.orders.crewForRoute(tx, record.clientId, order.route);
    const row: NewFieldOrder = {
      ...order,
      clientId: record.clientId,
      accountId: record.accountId,
      causeRef: trigger.causeRef,
      crewId,
      currency: record.currency,
      at: trigger.at,
    };
    const id = await this.orders.insertOpen(tx, row);
    if (id === null) return false;
    await this.audit.record(
      {
        actor: trigger.actor,
        action: 'field-order.created',
        entityType: 'field_order',
        entityId: id,
        after: { ...row, state: crewId ? 'assigned' : 'pending' },
      },
      tx,
    );
    return true;
  }
}
