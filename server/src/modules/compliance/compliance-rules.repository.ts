import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ComplianceProfile, IsoDate, Jurisdiction } from '@recupera/shared';
import { IsNull, Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { User } from '../users/user.entity';
import { ComplianceProfileRecord } from './compliance-profile.entity';
import { Holiday } from './holiday.entity';

export interface ProfileRow extends ComplianceProfileRecord {
  updatedByName: string | null;
}

export interface HolidayFilter {
  country?: Jurisdiction;
  year?: number;
}

@Injectable()
export class ComplianceRulesRepository {
  constructor(
    @InjectRepository(ComplianceProfileRecord)
    private readonly profiles: Repository<ComplianceProfileRecord>,
    @InjectRepository(Holiday) private readonly holidays: Repository<Holiday>,
  ) {}

  private profileRepo(tx?: Tx): Repository<ComplianceProfileRecord> {
    return tx ? tx.getRepository(ComplianceProfileRecord) : this.profiles;
  }

  private holidayRepo(tx?: Tx): Repository<Holiday> {
    return tx ? tx.getRepository(Holiday) : this.holidays;
  }

  async listProfiles(): Promise<ProfileRow[]> {
    const { entities, raw } = await this.profiles
      .createQueryBuilder('p')
      .leftJoin(User, 'u', 'u.id = p.updated_by')
      .addSelect('u.full_name', 'updated_by_name')
      .orderBy('p.code', 'ASC')
      .getRawAndEntities();
    return entities.map((p, i) => ({
      ...p,
      updatedByName: (raw[i] as { updated_by_name: string | null }).updated_by_name,
    }));
  }

  findProfile(code: string, tx?: Tx): Promise<ComplianceProfileRecord | null> {
    return this.profileRepo(tx).findOne({ where: { code } });
  }

  async updateProfile(code: string, definition: ComplianceProfile, updatedBy: string, tx: Tx): Promise<void> {
    await this.profileRepo(tx).update({ code }, { definition, updatedBy });
  }

  /** Adds the profiles that are missing and leaves every existing row as it is; returns how many. */
  async insertMissingProfiles(rows: { code: string; definition: ComplianceProfile }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.profiles
      .createQueryBuilder()
      .insert()
      .into(ComplianceProfileRecord)
      .values(rows.map((row) => ({ ...row, updatedBy: null })))
      .orIgnore()
      .execute();
    return Number((result.raw as { affectedRows?: number }).affectedRows ?? 0);
  }

  /** Holidays in force (not removed), by country and date. */
  listHolidays(filter: HolidayFilter): Promise<Holiday[]> {
    const qb = this.holidays
      .createQueryBuilder('h')
      .where('h.removed_at IS NULL')
      .orderBy('h.country', 'ASC')
      .addOrderBy('h.date', 'ASC');
    if (filter.country) qb.andWhere('h.country = :country', { country: filter.country });
    if (filter.year !== undefined) {
      qb.andWhere('h.date >= :start AND h.date < :end', {
        start: `${filter.year}-01-01`,
        end: `${filter.year + 1}-01-01`,
      });
    }
    return qb.getMany();
  }

  /** The row whether or not it was removed, so adding a removed date again restores it. */
  findHoliday(country: Jurisdiction, date: IsoDate, tx?: Tx): Promise<Holiday | null> {
    return this.holidayRepo(tx).findOne({ where: { country, date } });
  }

  async saveHoliday(holiday: Holiday, tx: Tx): Promise<void> {
    await this.holidayRepo(tx).save(this.holidayRepo(tx).create(holiday));
  }

  async removeHoliday(country: Jurisdiction, date: IsoDate, at: Date, tx: Tx): Promise<void> {
    await this.holidayRepo(tx).update({ country, date, removedAt: IsNull() }, { removedAt: at });
  }

  /** Adds default dates that have no row at all; removed dates keep their row and stay removed. */
  async insertMissingHolidays(rows: { country: Jurisdiction; date: IsoDate }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.holidays
      .createQueryBuilder()
      .insert()
      .into(Holiday)
      .values(rows.map((row) => ({ ...row, name: null, removedAt: null })))
      .orIgnore()
      .execute();
    return Number((result.raw as { affectedRows?: number }).affectedRows ?? 0);
  }
}
