import { Injectable } from '@nestjs/common';
import {
  OPEN_FIELD_ORDER_STATES,
  type AssignFieldOrdersResponse,
  type FieldOrderResponse,
  type FieldOrderSummary,
  type Page,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/page.util';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { TeamsService } from '../teams/teams.service';
import { FieldOrderReconciler } from './field-order-reconciler.service';
import type {
  AssignFieldOrdersDto,
  CrewOrdersQueryDto,
  FieldOrderListQueryDto,
  FieldOrderSummaryQueryDto,
  ReportFieldOrderDto,
} from './field-orders.dto';
import { FieldOrdersRepository, type FieldOrderScope } from './field-orders.repository';
import { UtilityAccountsRepository } from './utility-accounts.repository';
import { UtilityRulesRepository } from './utility-rules.repository';

const DAY_MS = 86_400_000;
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** What crews and supervisors do with field orders; every write audited. */
@Injectable()
export class FieldOrdersService {
  constructor(
    private readonly orders: FieldOrdersRepository,
    private readonly accounts: UtilityAccountsRepository,
    private readonly rules: UtilityRulesRepository,
    private readonly reconciler: FieldOrderReconciler,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** A crew sees only its own orders; a supervisor those of their teams' accounts; others all. */
  async scopeOf(user: AuthUser): Promise<FieldOrderScope> {
    if (user.role === 'field') return { crewId: user.id };
    return { teamIds: await this.teams.visibleTeamIds(user) };
  }

  async list(user: AuthUser, query: FieldOrderListQueryDto): Promise<Page<FieldOrderResponse>> {
    const window = pageWindow(query, 50);
    const filters = {
      state: query.state,
      kind: query.kind,
      route: query.route,
      clientId: query.clientId,
      overdue: query.overdue,
    };
    const [items, total] = await this.orders.list(await this.scopeOf(user), filters, window, new Date());
    return toPage(items, total, window);
  }

  async summary(user: AuthUser, query: FieldOrderSummaryQueryDto): Promise<FieldOrderSummary> {
    return this.orders.summary(await this.scopeOf(user), query, new Date());
  }

  async get(user: AuthUser, id: string): Promise<FieldOrderResponse> {
    const order = await this.orders.find(id, await this.scopeOf(user), new Date());
    if (!order) throw AppException.notFound('Field order');
    return order;
  }

  /** The crew's day: its assigned orders, and those it closed since `since` (default 24 h ago). */
  mine(user: AuthUser, query: CrewOrdersQueryDto): Promise<FieldOrderResponse[]> {
    const now = new Date();
    const since = query.since ? new Date(query.since) : new Date(now.getTime() - DAY_MS);
    return this.orders.crewOrders(user.id, since, now);
  }

  /**
   * A crew reports an order of its own executed or failed; another crew's order is a 404, a closed
   * one a 409. An executed suspension cuts the service, an executed reconnection restores it.
   */
  async report(
    user: AuthUser,
    id: string,
    dto: ReportFieldOrderDto,
    ip: string | null,
  ): Promise<FieldOrderResponse> {
    const scope: FieldOrderScope = { crewId: user.id };
    const peeked = await this.orders.peek(id, scope);
    if (!peeked) throw AppException.notFound('Field order');
    const now = new Date();
    const occurredAt = new Date(dto.occurredAt);
    if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw AppException.invalid('occurredAt is in the future');
    const notes = dto.notes?.trim() || null;
    if (dto.outcome === 'failed' && !notes) throw AppException.invalid('Say why the order could not be done');
    await this.uow.run(async (tx) => {
      await this.accounts.lockAccount(tx, peeked.accountId);
      const order = await this.orders.lock(tx, id);
      if (!order || order.crewId !== user.id) throw AppException.notFound('Field order');
      if (order.state !== 'assigned') throw AppException.conflict(`The order is already ${order.state}`);
      if (occurredAt.getTime() < order.createdAt.getTime())
        throw AppException.invalid('occurredAt is before the order was issued');
      await this.orders.setOutcome(tx, id, dto.outcome, occurredAt, notes, user.id);
      if (dto.outcome === 'executed')
        await this.accounts.setServiceState(
          tx,
          order.accountId,
          order.kind === 'suspension' ? 'suspended' : 'connected',
          occurredAt,
        );
      await this.audit.record(
        {
          actor: user,
          action: dto.outcome === 'executed' ? 'field-order.executed' : 'field-order.failed',
          entityType: 'field_order',
          entityId: id,
          before: { state: order.state },
          after: { state: dto.outcome, occurredAt, notes },
          ip,
        },
        tx,
      );
    });
    // A service cut after its cause went away (no event told us) comes straight back.
    if (dto.outcome === 'executed' && peeked.kind === 'suspension')
      await this.reconciler.reconcileAccount(peeked.accountId, {
        at: new Date(),
        causeRef: null,
        actor: null,
      });
    return this.get(user, id);
  }

  /** Hands open orders of the caller's scope to an active crew, all or none. */
  async assign(
    user: AuthUser,
    dto: AssignFieldOrdersDto,
    ip: string | null,
  ): Promise<AssignFieldOrdersResponse> {
    const scope = await this.scopeOf(user);
    const ids = [...new Set(dto.orderIds)];
    const peeked = await Promise.all(ids.map((id) => this.orders.peek(id, scope)));
    if (peeked.some((order) => order === null)) throw AppException.notFound('Field order');
    if (!(await this.rules.isActiveCrew(dto.crewId))) throw AppException.notFound('Crew');
    // Accounts are locked in id order, so two assignments of overlapping orders cannot deadlock.
    const ordered = peeked
      .filter((order) => order !== null)
      .sort((a, b) => compareIds(a.accountId, b.accountId) || compareIds(a.id, b.id));
    const now = new Date();
    await this.uow.run(async (tx) => {
      for (const { id, accountId } of ordered) {
        await this.accounts.lockAccount(tx, accountId);
        const order = await this.orders.lock(tx, id);
        if (!order) throw AppException.notFound('Field order');
        if (!OPEN_FIELD_ORDER_STATES.includes(order.state))
          throw AppException.conflict(`Order ${id} is already ${order.state}`);
        await this.orders.assign(tx, id, dto.crewId, user.id, now);
        await this.audit.record(
          {
            actor: user,
            action: 'field-order.assigned',
            entityType: 'field_order',
            entityId: id,
            before: { state: order.state, crewId: order.crewId },
            after: { state: 'assigned', crewId: dto.crewId },
            ip,
          },
          tx,
        );
      }
    });
    return { assigned: ordered.length };
  }
}

/** Decimal ids in numeric order without parsing them. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
