import { Injectable } from '@nestjs/common';
import {
  validateComplianceProfile,
  type ComplianceCheckResponse,
  type ComplianceProfile,
  type ComplianceProfileResponse,
  type HolidayResponse,
  type IsoDate,
  type Jurisdiction,
  type RefusalSummaryResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { TeamsService } from '../teams/teams.service';
import { profileEditProblems } from './attempt-input.util';
import { ComplianceGateService } from './compliance-gate.service';
import { ComplianceRefusalsRepository } from './compliance-refusals.repository';
import { ComplianceRulesRepository } from './compliance-rules.repository';
import { ComplianceRulesService } from './compliance-rules.service';
import type {
  ComplianceCheckDto,
  CreateHolidayDto,
  HolidayQueryDto,
  RefusalSummaryQueryDto,
} from './compliance.dto';
import { toCheckResponse, toHolidayResponse, toProfileResponse, toRefusalSummary } from './compliance.mapper';

const SUMMARY_DEFAULT_DAYS = 7;
const DAY_MS = 86_400_000;

/** What admins, supervisors and managers do with the compliance rules through the API. */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly repository: ComplianceRulesRepository,
    private readonly refusals: ComplianceRefusalsRepository,
    private readonly rules: ComplianceRulesService,
    private readonly gate: ComplianceGateService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async listProfiles(): Promise<ComplianceProfileResponse[]> {
    return (await this.repository.listProfiles()).map(toProfileResponse);
  }

  async updateProfile(
    actor: AuthUser,
    code: string,
    definition: ComplianceProfile,
    ip: string | null,
  ): Promise<ComplianceProfileResponse> {
    const before = await this.repository.findProfile(code);
    if (!before) throw AppException.notFound('Compliance profile');
    const problems = [...profileEditProblems(code, definition), ...validateComplianceProfile(definition)];
    if (problems.length > 0) {
      throw AppException.invalid(`The profile has problems: ${problems.join('; ')}`, { problems });
    }
    // Stored as plain data: the DTO instance carries class-transformer's prototypes.
    const plain = JSON.parse(JSON.stringify(definition)) as ComplianceProfile;
    await this.uow.run(async (tx) => {
      await this.repository.updateProfile(code, plain, actor.id, tx);
      await this.audit.record(
        {
          actor,
          action: 'compliance-profile.updated',
          entityType: 'compliance_profile',
          entityId: code,
          before: before.definition,
          after: plain,
          ip,
        },
        tx,
      );
    });
    this.rules.invalidate();
    const saved = (await this.repository.listProfiles()).find((row) => row.code === code)!;
    return toProfileResponse(saved);
  }

  async listHolidays(query: HolidayQueryDto): Promise<HolidayResponse[]> {
    return (await this.repository.listHolidays(query)).map(toHolidayResponse);
  }

  async addHoliday(actor: AuthUser, dto: CreateHolidayDto, ip: string | null): Promise<HolidayResponse> {
    const existing = await this.repository.findHoliday(dto.country, dto.date);
    if (existing && existing.removedAt === null) {
      throw AppException.conflict(`${dto.date} is already a holiday in ${dto.country}`);
    }
    const holiday = { country: dto.country, date: dto.date, name: dto.name.trim(), removedAt: null };
    await this.uow.run(async (tx) => {
      await this.repository.saveHoliday(holiday, tx);
      await this.audit.record(
        {
          actor,
          action: 'holiday.added',
          entityType: 'holiday',
          entityId: `${dto.country}:${dto.date}`,
          after: toHolidayResponse(holiday),
          ip,
        },
        tx,
      );
    });
    this.rules.invalidate();
    return toHolidayResponse(holiday);
  }

  async removeHoliday(
    actor: AuthUser,
    country: Jurisdiction,
    date: IsoDate,
    ip: string | null,
  ): Promise<void> {
    const existing = await this.repository.findHoliday(country, date);
    if (!existing || existing.removedAt !== null) throw AppException.notFound('Holiday');
    await this.uow.run(async (tx) => {
      await this.repository.removeHoliday(country, date, new Date(), tx);
      await this.audit.record(
        {
          actor,
          action: 'holiday.removed',
          entityType: 'holiday',
          entityId: `${country}:${date}`,
          before: toHolidayResponse(existing),
          ip,
        },
        tx,
      );
    });
    this.rules.invalidate();
  }

  /** Blocked attempts by reason: a supervisor's own teams, everything for managers and admins. */
  async refusalSummary(user: AuthUser, query: RefusalSummaryQueryDto): Promise<RefusalSummaryResponse> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - SUMMARY_DEFAULT_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) throw AppException.invalid('from must be before to');
    const visibility = await this.teams.visibleTeamIds(user);
    const campaignId = query.campaignId ?? null;
    const rows = await this.refusals.countByReason(visibility, from, to, campaignId);
    return toRefusalSummary(from, to, campaignId, rows);
  }

  /** "¿Se puede llamar ahora?" on the real clock, for an account the caller can see; nothing recorded. */
  async preview(user: AuthUser, dto: ComplianceCheckDto): Promise<ComplianceCheckResponse> {
    const visibility = await this.teams.visibleTeamIds(user);
    const now = new Date();
    return toCheckResponse(await this.gate.evaluate(visibility, dto, now), now);
  }
}
