import { Injectable } from '@nestjs/common';
import type { FieldCrewResponse, ImportUtilityBillsResponse, UtilityRulesResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { ImportUtilityBillsDto, SetCrewRoutesDto, SetUtilityRulesDto } from './utility-rules.dto';
import { UtilityAccountsRepository } from './utility-accounts.repository';
import { UtilityRulesRepository } from './utility-rules.repository';

/** A utility client's suspension rule, its bills, and the routes its crews cover. */
@Injectable()
export class UtilityRulesService {
  constructor(
    private readonly rules: UtilityRulesRepository,
    private readonly accounts: UtilityAccountsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async get(clientId: string): Promise<UtilityRulesResponse> {
    const client = await this.rules.client(clientId);
    if (!client) throw AppException.notFound('Client');
    const rules = await this.rules.rules(clientId);
    if (!rules) throw AppException.notFound('Utility rules');
    return {
      ...rules,
      currency: client.currency,
      jurisdictionRules: await this.rules.jurisdictionRules(clientId, rules.billingPeriod),
      updatedAt: rules.updatedAt.toISOString(),
    };
  }

  async set(
    actor: AuthUser,
    clientId: string,
    dto: SetUtilityRulesDto,
    ip: string | null,
  ): Promise<UtilityRulesResponse> {
    if (!(await this.rules.client(clientId))) throw AppException.notFound('Client');
    await this.uow.run(async (tx) => {
      const before = await this.rules.rules(clientId, tx);
      await this.rules.saveRules(
        tx,
        clientId,
        { ...dto, protectedStrata: dto.protectedStrata ?? null },
        actor.id,
      );
      await this.audit.record(
        {
          actor,
          action: before ? 'utility-rules.updated' : 'utility-rules.created',
          entityType: 'utility_rules',
          entityId: clientId,
          before,
          after: { ...dto, protectedStrata: dto.protectedStrata ?? null },
          ip,
        },
        tx,
      );
    });
    return this.get(clientId);
  }

  /**
   * Loads a utility's bills (upserted by account and period) and the strata they carry; bills of
   * accounts the client has no utility account for are listed back, not loaded.
   */
  async importBills(
    actor: AuthUser,
    dto: ImportUtilityBillsDto,
    ip: string | null,
  ): Promise<ImportUtilityBillsResponse> {
    if (!(await this.rules.client(dto.clientId))) throw AppException.notFound('Client');
    const seen = new Set<string>();
    for (const bill of dto.bills) {
      const key = `${bill.accountNumber}|${bill.period}`;
      if (seen.has(key))
        throw AppException.invalid(`Bill ${bill.period} of ${bill.accountNumber} comes twice`);
      seen.add(key);
    }
    const ids = await this.accounts.utilityAccountIds(dto.clientId, [
      ...new Set(dto.bills.map((b) => b.accountNumber)),
    ]);
    const known = dto.bills.filter((b) => ids.has(b.accountNumber));
    const unknownAccounts = [
      ...new Set(dto.bills.filter((b) => !ids.has(b.accountNumber)).map((b) => b.accountNumber)),
    ];
    const counts = await this.uow.run(async (tx) => {
      const result = await this.accounts.upsertBills(
        tx,
        known.map((b) => ({
          accountId: ids.get(b.accountNumber) ?? '',
          period: b.period,
          amountMinor: b.amountMinor,
          dueDate: b.dueDate,
        })),
      );
      // The latest period's stratum wins when bills of one account disagree.
      const strata = new Map<string, { period: string; stratum: number }>();
      for (const b of known) {
        if (b.stratum === undefined || b.stratum === null) continue;
        const current = strata.get(b.accountNumber);
        if (!current || current.period < b.period)
          strata.set(b.accountNumber, { period: b.period, stratum: b.stratum });
      }
      await this.accounts.setStrata(
        tx,
        [...strata].map(([number, s]) => ({ accountId: ids.get(number) ?? '', stratum: s.stratum })),
      );
      await this.audit.record(
        {
          actor,
          action: 'utility-bills.imported',
          entityType: 'client',
          entityId: dto.clientId,
          after: { ...result, bills: dto.bills.length, unknownAccounts: unknownAccounts.length },
          ip,
        },
        tx,
      );
      return result;
    });
    return { ...counts, unknownAccounts };
  }

  crews(): Promise<FieldCrewResponse[]> {
    return this.rules.crews();
  }

  /** The routes of a client the crew covers from now on (a route moves from whichever crew had it). */
  async setCrewRoutes(
    actor: AuthUser,
    crewId: string,
    dto: SetCrewRoutesDto,
    ip: string | null,
  ): Promise<FieldCrewResponse> {
    if (!(await this.rules.isActiveCrew(crewId))) throw AppException.notFound('Crew');
    if (!(await this.rules.client(dto.clientId))) throw AppException.notFound('Client');
    const routes = [...new Set(dto.routes.map((r) => r.trim()).filter((r) => r !== ''))].sort();
    await this.uow.run(async (tx) => {
      const before = await this.rules.crewRoutes(tx, crewId, dto.clientId);
      await this.rules.setCrewRoutes(tx, crewId, dto.clientId, routes, actor.id);
      await this.audit.record(
        {
          actor,
          action: 'field-crew.routes-updated',
          entityType: 'user',
          entityId: crewId,
          before: { clientId: dto.clientId, routes: before },
          after: { clientId: dto.clientId, routes },
          ip,
        },
        tx,
      );
    });
    const crew = (await this.rules.crews()).find((c) => c.id === crewId);
    if (!crew) throw AppException.notFound('Crew');
    return crew;
  }
}
