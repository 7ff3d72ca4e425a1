import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CapBasis,
  FeePeriod,
  FeeTranche,
  InterestPeriod,
  IsoDate,
  Jurisdiction,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface ChargeRuleRow {
  id: string;
  clientId: string;
  portfolioId: string | null;
  interestRatePpm: number;
  interestPeriod: InterestPeriod;
  accrueFrom: IsoDate;
  feeAfterDays: number | null;
  feePeriod: FeePeriod;
  updatedAt: Date;
}

export type NewChargeRule = Omit<ChargeRuleRow, 'id' | 'updatedAt'>;

export interface InterestCapRow {
  jurisdiction: Jurisdiction;
  basis: CapBasis | null;
  ratePpm: number | null;
  monthlyCapPpm: number | null;
  source: string | null;
  updatedAt: Date;
}

export interface FeeTrancheRow extends FeeTranche {
  jurisdiction: Jurisdiction;
  currency: string;
}

const RULE_COLUMNS = `id, client_id, portfolio_id, interest_rate_ppm, interest_period,
  DATE_FORMAT(accrue_from, '%Y-%m-%d') AS accrue_from, fee_after_days, fee_period, updated_at`;

const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Rules, caps and fee schedules: what an admin edits. */
@Injectable()
export class ChargeSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rules(clientId: string | null): Promise<ChargeRuleRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${RULE_COLUMNS} FROM charge_rules ${clientId ? 'WHERE client_id = ?' : ''}
        ORDER BY client_id, portfolio_id IS NOT NULL, portfolio_id`,
      clientId ? [clientId] : [],
    )) as Raw[];
    return rows.map(toRule);
  }

  async ruleById(id: string, tx?: Tx): Promise<ChargeRuleRow | null> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT ${RULE_COLUMNS} FROM charge_rules WHERE id = ?`,
      [id],
    )) as Raw[];
    return row ? toRule(row) : null;
  }

  async ruleForScope(tx: Tx, clientId: string, portfolioId: string | null): Promise<ChargeRuleRow | null> {
    const [row] = (await tx.query(
      `SELECT ${RULE_COLUMNS} FROM charge_rules WHERE client_id = ? AND scope_portfolio_id = ? FOR UPDATE`,
      [clientId, portfolioId ?? 0],
    )) as Raw[];
    return row ? toRule(row) : null;
  }

  /** Inserts or replaces the rule of the scope (client + portfolio, or the client alone). */
  async saveRule(tx: Tx, rule: NewChargeRule, by: string): Promise<string> {
    await tx.query(
      `INSERT INTO charge_rules (client_id, portfolio_id, interest_rate_ppm, interest_period, accrue_from,
          fee_after_days, fee_period, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE interest_rate_ppm = VALUES(interest_rate_ppm), interest_period = VALUES(interest_period),
          accrue_from = VALUES(accrue_from), fee_after_days = VALUES(fee_after_days), fee_period = VALUES(fee_period),
          updated_by = VALUES(updated_by), updated_at = CURRENT_TIMESTAMP(3)`,
      [
        rule.clientId,
        rule.portfolioId,
        rule.interestRatePpm,
        rule.interestPeriod,
        rule.accrueFrom,
        rule.feeAfterDays,
        rule.feePeriod,
        by,
      ],
    );
    const saved = await this.ruleForScope(tx, rule.clientId, rule.portfolioId);
    return saved!.id;
  }

  async deleteRule(tx: Tx, id: string): Promise<void> {
    await tx.query('DELETE FROM charge_rules WHERE id = ?', [id]);
  }

  async clientExists(clientId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM clients WHERE id = ?', [clientId])) as Raw[];
    return rows.length > 0;
  }

  async portfolioClient(portfolioId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT client_id FROM portfolios WHERE id = ?', [
      portfolioId,
    ])) as Raw[];
    return row ? String(row['client_id']) : null;
  }

  async caps(): Promise<InterestCapRow[]> {
    const rows = (await this.dataSource.query(
      'SELECT jurisdiction, basis, rate_ppm, monthly_cap_ppm, source, updated_at FROM interest_caps ORDER BY jurisdiction',
    )) as Raw[];
    return rows.map(toCap);
  }

  async capFor(tx: Tx, jurisdiction: string): Promise<InterestCapRow | null> {
    const [row] = (await tx.query(
      'SELECT jurisdiction, basis, rate_ppm, monthly_cap_ppm, source, updated_at FROM interest_caps WHERE jurisdiction = ? FOR UPDATE',
      [jurisdiction],
    )) as Raw[];
    return row ? toCap(row) : null;
  }

  async saveCap(tx: Tx, cap: Omit<InterestCapRow, 'updatedAt'>, by: string): Promise<void> {
    await tx.query(
      `INSERT INTO interest_caps (jurisdiction, basis, rate_ppm, monthly_cap_ppm, source, updated_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE basis = VALUES(basis), rate_ppm = VALUES(rate_ppm), monthly_cap_ppm = VALUES(monthly_cap_ppm),
          source = VALUES(source), updated_by = VALUES(updated_by), updated_at = CURRENT_TIMESTAMP(3)`,
      [cap.jurisdiction, cap.basis, cap.ratePpm, cap.monthlyCapPpm, cap.source, by],
    );
  }

  async tranches(tx?: Tx, jurisdiction?: string, currency?: string): Promise<FeeTrancheRow[]> {
    const scoped = jurisdiction !== undefined && currency !== undefined;
    const rows = (await (tx ?? this.dataSource).query(
      `SELECT jurisdiction, currency, lower_minor, upper_minor, rate_ppm FROM collection_fee_tranches
        ${scoped ? 'WHERE jurisdiction = ? AND currency = ?' : ''}
        ORDER BY jurisdiction, currency, lower_minor ${scoped ? 'FOR UPDATE' : ''}`,
      scoped ? [jurisdiction, currency] : [],
    )) as Raw[];
    return rows.map((r) => ({
      jurisdiction: r['jurisdiction'] as Jurisdiction,
      currency: String(r['currency']),
      lowerMinor: Number(r['lower_minor']),
      upperMinor: nullableNumber(r['upper_minor']),
      ratePpm: Number(r['rate_ppm']),
    }));
  }

  async replaceTranches(
    tx: Tx,
    jurisdiction: string,
    currency: string,
    tranches: readonly FeeTranche[],
  ): Promise<void> {
    await tx.query('DELETE FROM collection_fee_tranches WHERE jurisdiction = ? AND currency = ?', [
      jurisdiction,
      currency,
    ]);
    if (tranches.length === 0) return;
    await tx.query(
      'INSERT INTO collection_fee_tranches (jurisdiction, currency, lower_minor, upper_minor, rate_ppm) VALUES ?',
      [tranches.map((t) => [jurisdiction, currency, t.lowerMinor, t.upperMinor, t.ratePpm])],
    );
  }
}

function toRule(r: Raw): ChargeRuleRow {
  return {
    id: String(r['id']),
    clientId: String(r['client_id']),
    portfolioId: r['portfolio_id'] === null ? null : String(r['portfolio_id']),
    interestRatePpm: Number(r['interest_rate_ppm']),
    interestPeriod: r['interest_period'] as InterestPeriod,
    accrueFrom: String(r['accrue_from']),
    feeAfterDays: nullableNumber(r['fee_after_days']),
    feePeriod: r['fee_period'] as FeePeriod,
    updatedAt: r['updated_at'] as Date,
  };
}

function toCap(r: Raw): InterestCapRow {
  return {
    jurisdiction: r['jurisdiction'] as Jurisdiction,
    basis: (r['basis'] as CapBasis | null) ?? null,
    ratePpm: nullableNumber(r['rate_ppm']),
    monthlyCapPpm: nullableNumber(r['monthly_cap_ppm']),
    source: (r['source'] as string | null) ?? null,
    updatedAt: r['updated_at'] as Date,
  };
}
