import { Injectable } from '@nestjs/common';
import {
  isIsoDate,
  monthlyCapPpm,
  validateTranches,
  type ChargeRuleResponse,
  type FeeScheduleResponse,
  type FeeTranche,
  type InterestCapResponse,
  type Jurisdiction,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { ChargeSettingsRepository } from './charge-settings.repository';
import { toChargeRuleResponse, toFeeSchedules, toInterestCapResponse } from './charges.mapper';
import type { SaveChargeRuleDto, SaveFeeScheduleDto, SaveInterestCapDto } from './charges.dto';

/** Interest rules start no earlier than this: a rule is not a way to charge decades back. */
const EARLIEST_ACCRUE_FROM = '2000-01-01';

/** What an admin edits: each client's (or portfolio's) rule, the caps per jurisdiction, fee schedules. */
@Injectable()
export class ChargeSettingsService {
  constructor(
    private readonly settings: ChargeSettingsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async rules(clientId: string | null): Promise<ChargeRuleResponse[]> {
    return (await this.settings.rules(clientId)).map(toChargeRuleResponse);
  }

  /** Creates or replaces the rule of a client, or of one of its portfolios; audited. */
  async saveRule(actor: AuthUser, dto: SaveChargeRuleDto, ip: string | null): Promise<ChargeRuleResponse> {
    if (!isIsoDate(dto.accrueFrom) || dto.accrueFrom < EARLIEST_ACCRUE_FROM)
      throw AppException.invalid(`accrueFrom must be a date from ${EARLIEST_ACCRUE_FROM} on`);
    if (!(await this.settings.clientExists(dto.clientId))) throw AppException.notFound('Client');
    const portfolioId = dto.portfolioId ?? null;
    if (portfolioId && (await this.settings.portfolioClient(portfolioId)) !== dto.clientId)
      throw AppException.notFound('Portfolio');
    const rule = {
      clientId: dto.clientId,
      portfolioId,
      interestRatePpm: dto.interestRatePpm,
      interestPeriod: dto.interestPeriod,
      accrueFrom: dto.accrueFrom,
      feeAfterDays: dto.feeAfterDays ?? null,
      feePeriod: dto.feePeriod,
    };
    const id = await this.uow.run(async (tx) => {
      const before = await this.settings.ruleForScope(tx, rule.clientId, rule.portfolioId);
      const saved = await this.settings.saveRule(tx, rule, actor.id);
      await this.audit.record(
        {
          actor,
          action: before ? 'charges.rule-updated' : 'charges.rule-created',
          entityType: 'charge_rule',
          entityId: saved,
          before,
          after: rule,
          ip,
        },
        tx,
      );
      return saved;
    });
    return toChargeRuleResponse((await this.settings.ruleById(id))!);
  }

  async deleteRule(actor: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.uow.run(async (tx) => {
      const before = await this.settings.ruleById(id, tx);
      if (!before) throw AppException.notFound('Charge rule');
      await this.settings.deleteRule(tx, id);
      await this.audit.record(
        { actor, action: 'charges.rule-deleted', entityType: 'charge_rule', entityId: id, before, ip },
        tx,
      );
    });
  }

  async caps(): Promise<InterestCapResponse[]> {
    return (await this.settings.caps()).map(toInterestCapResponse);
  }

  /** Sets (or, with neither basis nor rate, removes) a jurisdiction's cap; the monthly rate is derived. */
  async saveCap(
    actor: AuthUser,
    jurisdiction: Jurisdiction,
    dto: SaveInterestCapDto,
    ip: string | null,
  ): Promise<InterestCapResponse> {
    const basis = dto.basis ?? null;
    const ratePpm = dto.ratePpm ?? null;
    if ((basis === null) !== (ratePpm === null))
      throw AppException.invalid('A cap needs both its basis and its rate (or neither, for no cap)');
    const cap = {
      jurisdiction,
      basis,
      ratePpm,
      monthlyCapPpm: basis !== null && ratePpm !== null ? monthlyCapPpm(basis, ratePpm) : null,
      source: dto.source?.trim() || null,
    };
    await this.uow.run(async (tx) => {
      const before = await this.settings.capFor(tx, jurisdiction);
      await this.settings.saveCap(tx, cap, actor.id);
      await this.audit.record(
        {
          actor,
          action: 'charges.cap-updated',
          entityType: 'interest_cap',
          entityId: jurisdiction,
          before,
          after: cap,
          ip,
        },
        tx,
      );
    });
    return toInterestCapResponse((await this.settings.caps()).find((c) => c.jurisdiction === jurisdiction)!);
  }

  async feeSchedules(): Promise<FeeScheduleResponse[]> {
    return toFeeSchedules(await this.settings.tranches());
  }

  /** Replaces a jurisdiction's fee schedule in a currency (no tranches: no fees there); audited. */
  async saveFeeSchedule(
    actor: AuthUser,
    jurisdiction: Jurisdiction,
    currency: string,
    dto: SaveFeeScheduleDto,
    ip: string | null,
  ): Promise<FeeScheduleResponse> {
    const tranches: FeeTranche[] = dto.tranches.map((t) => ({
      lowerMinor: t.lowerMinor,
      upperMinor: t.upperMinor ?? null,
      ratePpm: t.ratePpm,
    }));
    const problems = tranches.length === 0 ? [] : validateTranches(tranches);
    if (problems.length > 0)
      throw AppException.invalid(`The tranches are not a schedule: ${problems.join(', ')}`, problems);
    await this.uow.run(async (tx) => {
      const before = await this.settings.tranches(tx, jurisdiction, currency);
      await this.settings.replaceTranches(tx, jurisdiction, currency, tranches);
      await this.audit.record(
        {
          actor,
          action: 'charges.fee-schedule-updated',
          entityType: 'fee_schedule',
          entityId: `${jurisdiction}:${currency}`,
          before: before.map(({ lowerMinor, upperMinor, ratePpm }) => ({ lowerMinor, upperMinor, ratePpm })),
          after: tranches,
          ip,
        },
        tx,
      );
    });
    return { jurisdiction, currency, tranches };
  }
}
