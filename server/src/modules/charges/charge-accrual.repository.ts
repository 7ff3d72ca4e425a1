import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACCRUAL_DENOMINATOR,
  CHARGE_LEDGER_KINDS,
  CHARGEABLE_STATUSES,
  RATE_SCALE,
  type FeePeriod,
  type InterestPeriod,
  type IsoDate,
} from '@recupera/shared';
import { DataSource, type QueryRunner } from 'typeorm';

type Raw = Record<string, unknown>;

/** One process runs the charges job at a time; the name carries the database (locks are server-wide). */
const CHARGES_LOCK = 'recupera_charges:';
const CHARGEABLE = `(${CHARGEABLE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** The terms every portfolio with a rule is under for this run (its own rule, or its client's). */
export interface PortfolioTerms {
  portfolioId: string;
  ruleId: string;
  jurisdiction: string;
  ratePpm: number;
  period: InterestPeriod;
  monthlyCapPpm: number | null;
  accrueFrom: IsoDate;
  feeAfterDays: number | null;
  feePeriod: FeePeriod;
}

/** A portfolio's terms in a run, with the group of identical interest terms whose weights it reads. */
export interface RunTerms extends PortfolioTerms {
  termsId: number;
  feePeriodKey: string;
}

export interface WeightRow {
  termsId: number;
  day: IsoDate;
  cumulative: bigint;
}

export interface ChunkAccrual {
  accounts: number;
  interestMinor: number;
  /** The earliest day any account of the chunk accrued from. */
  earliest: IsoDate | null;
}

/** Days past due at the end of the run's day, as overdueDaysAt (shared/charges) counts them. */
const OVERDUE_AT = `IF(a.status <> 'in_agreement' AND a.due_date IS NOT NULL,
  GREATEST(0, DATEDIFF(@through, a.due_date)), a.days_past_due)`;
const PRINCIPAL = '(a.balance_minor - a.interest_minor - a.fees_minor)';

/**
 * The daily job's set-based SQL (accrueAccount and trancheFee of shared/charges, over a range of
 * account ids at a time). Per chunk, in one transaction: the accounts to pass are read into a
 * temporary table with their interest computed exactly (principal × the running sum of the day
 * weights over the days to accrue, on top of the carried fraction, in DECIMAL arithmetic), then
 * one INSERT … SELECT writes the ledger, one UPDATE … JOIN the accounts and one upsert the state.
 * Fees follow the same shape, once per account, rule and period (a primary key says so).
 */
@Injectable()
export class ChargeAccrualRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` on one connection holding the charges lock; null when another process holds it. */
  async locked<T>(waitSeconds: number, work: (q: QueryRunner) => Promise<T>): Promise<T | null> {
    const q = this.dataSource.createQueryRunner();
    await q.connect();
    try {
      const [lock] = (await q.query('SELECT GET_LOCK(CONCAT(?, DATABASE()), ?) AS got', [
        CHARGES_LOCK,
        waitSeconds,
      ])) as Raw[];
      if (Number(lock['got']) !== 1) return null;
      try {
        return await work(q);
      } finally {
        await q.query('SELECT RELEASE_LOCK(CONCAT(?, DATABASE()))', [CHARGES_LOCK]);
      }
    } finally {
      await q.release();
    }
  }

  /** Runs one chunk's statements in a transaction (read committed: the reads take no locks). */
  async inTransaction<T>(q: QueryRunner, work: () => Promise<T>): Promise<T> {
    await q.startTransaction('READ COMMITTED');
    try {
      const result = await work();
      await q.commitTransaction();
      return result;
    } catch (error) {
      if (q.isTransactionActive) await q.rollbackTransaction();
      throw error;
    }
  }

  async portfolioTerms(q: QueryRunner): Promise<PortfolioTerms[]> {
    const rows = (await q.query(
      `SELECT p.id AS portfolio_id, p.jurisdiction, r.id AS rule_id, r.interest_rate_ppm, r.interest_period,
              DATE_FORMAT(r.accrue_from, '%Y-%m-%d') AS accrue_from, r.fee_after_days, r.fee_period,
              c.monthly_cap_ppm
         FROM portfolios p
         JOIN charge_rules r ON r.id = COALESCE(
           (SELECT rp.id FROM charge_rules rp WHERE rp.client_id = p.client_id AND rp.portfolio_id = p.id),
           (SELECT rc.id FROM charge_rules rc WHERE rc.client_id = p.client_id AND rc.portfolio_id IS NULL))
         LEFT JOIN interest_caps c ON c.jurisdiction = p.jurisdiction
        ORDER BY p.id`,
    )) as Raw[];
    return rows.map((r) => ({
      portfolioId: String(r['portfolio_id']),
      ruleId: String(r['rule_id']),
      jurisdiction: String(r['jurisdiction']),
      ratePpm: Number(r['interest_rate_ppm']),
      period: r['interest_period'] as InterestPeriod,
      monthlyCapPpm: r['monthly_cap_ppm'] === null ? null : Number(r['monthly_cap_ppm']),
      accrueFrom: String(r['accrue_from']),
      feeAfterDays: r['fee_after_days'] === null ? null : Number(r['fee_after_days']),
      feePeriod: r['fee_period'] as FeePeriod,
    }));
  }

  /** The run's temporary tables: its terms per portfolio, the weights' running sums, the chunk's work. */
  async prepare(
    q: QueryRunner,
    through: IsoDate,
    terms: readonly RunTerms[],
    weights: readonly WeightRow[],
  ): Promise<void> {
    await q.query('SET @through = ?', [through]);
    for (const table of ['charge_run_terms', 'charge_run_weights', 'charge_run_accruals', 'charge_run_fees'])
      await q.query(`DROP TEMPORARY TABLE IF EXISTS ${table}`);
    await q.query(`CREATE TEMPORARY TABLE charge_run_terms (
        portfolio_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, terms_id INT NOT NULL, rule_id BIGINT UNSIGNED NOT NULL,
        jurisdiction CHAR(2) NOT NULL, accrue_from DATE NOT NULL, fee_after_days INT NULL,
        fee_period_key VARCHAR(7) NOT NULL)`);
    await q.query(`CREATE TEMPORARY TABLE charge_run_weights (
        terms_id INT NOT NULL, day DATE NOT NULL, cumulative BIGINT NOT NULL, PRIMARY KEY (terms_id, day))`);
    await q.query(`CREATE TEMPORARY TABLE charge_run_accruals (
        account_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, currency CHAR(3) NOT NULL, accrual_from DATE NOT NULL,
        accrues TINYINT NOT NULL, interest_minor BIGINT NOT NULL, carry BIGINT NOT NULL)`);
    await q.query(`CREATE TEMPORARY TABLE charge_run_fees (
        account_id BIGINT UNSIGNED NOT NULL PRIMARY KEY, rule_id BIGINT UNSIGNED NOT NULL,
        period_key VARCHAR(7) NOT NULL, currency CHAR(3) NOT NULL, fee_minor BIGINT NOT NULL)`);
    for (let i = 0; i < terms.length; i += 500) {
      const rows = terms
        .slice(i, i + 500)
        .map((t) => [
          t.portfolioId,
          t.termsId,
          t.ruleId,
          t.jurisdiction,
          t.accrueFrom,
          t.feeAfterDays,
          t.feePeriodKey,
        ]);
      await q.query('INSERT INTO charge_run_terms VALUES ?', [rows]);
    }
    for (let i = 0; i < weights.length; i += 1_000) {
      const rows = weights.slice(i, i + 1_000).map((w) => [w.termsId, w.day, w.cumulative.toString()]);
      await q.query('INSERT INTO charge_run_weights VALUES ?', [rows]);
    }
  }

  async idRange(q: QueryRunner): Promise<{ first: number; last: number } | null> {
    const [row] = (await q.query('SELECT MIN(id) AS first, MAX(id) AS last FROM accounts')) as Raw[];
    return row['first'] === null ? null : { first: Number(row['first']), last: Number(row['last']) };
  }

  async startRun(q: QueryRunner, through: IsoDate, at: Date): Promise<string> {
    const result = (await q.query('INSERT INTO charge_runs (through_date, started_at) VALUES (?, ?)', [
      through,
      at,
    ])) as { insertId: number };
    return String(result.insertId);
  }

  async finishRun(
    q: QueryRunner,
    runId: string,
    totals: { accounts: number; days: number; fees: number; interestMinor: number; seconds: number },
    at: Date,
  ): Promise<void> {
    await q.query(
      'UPDATE charge_runs SET accounts = ?, days = ?, fees = ?, interest_minor = ?, seconds = ?, finished_at = ? WHERE id = ?',
      [totals.accounts, totals.days, totals.fees, totals.interestMinor, totals.seconds, at, runId],
    );
  }

  /** Interest for the accounts of ids first…last not passed through the run's day yet. */
  async accrueChunk(q: QueryRunner, runId: string, first: number, last: number): Promise<ChunkAccrual> {
    await q.query('DELETE FROM charge_run_accruals');
    // from_day: the first day not passed; accrual_from: not before the day after the due date.
    // The chunk is read by primary-key range, accounts first: left to itself the optimizer walks a
    // portfolio's index for every chunk, reading every account of the portfolio each time.
    await q.query(
      `INSERT INTO charge_run_accruals (account_id, currency, accrual_from, accrues, interest_minor, carry)
       SELECT x.id, x.currency, x.accrual_from, x.accrues,
              IF(x.accrues, (x.carry + x.principal * (wt.cumulative - wf.cumulative)) DIV ${ACCRUAL_DENOMINATOR}, 0),
              IF(x.accrues, MOD(x.carry + x.principal * (wt.cumulative - wf.cumulative), ${ACCRUAL_DENOMINATOR}), x.carry)
         FROM (
           SELECT y.id, y.currency, y.terms_id, y.principal, y.carry,
                  GREATEST(y.from_day, COALESCE(y.due_next, y.from_day)) AS accrual_from,
                  (y.principal > 0 AND y.overdue > 0 AND GREATEST(y.from_day, COALESCE(y.due_next, y.from_day)) <= @through) AS accrues
             FROM (
               SELECT a.id, a.currency, t.terms_id, COALESCE(s.carry, 0) AS carry,
                      CAST(${PRINCIPAL} AS DECIMAL(38, 0)) AS principal,
                      GREATEST(t.accrue_from, COALESCE(s.accrued_through + INTERVAL 1 DAY, DATE(a.created_at))) AS from_day,
                      IF(a.status <> 'in_agreement' AND a.due_date IS NOT NULL, a.due_date + INTERVAL 1 DAY, NULL) AS due_next,
                      ${OVERDUE_AT} AS overdue
                 FROM accounts a FORCE INDEX (PRIMARY)
                 STRAIGHT_JOIN charge_run_terms t FORCE INDEX (PRIMARY) ON t.portfolio_id = a.portfolio_id
                 LEFT JOIN account_charge_state s ON s.account_id = a.id
                WHERE a.id BETWEEN ? AND ? AND a.status IN ${CHARGEABLE}
                  AND (s.accrued_through IS NULL OR s.accrued_through < @through)
             ) y
            WHERE y.from_day <= @through
         ) x
         LEFT JOIN charge_run_weights wt ON wt.terms_id = x.terms_id AND wt.day = @through
         LEFT JOIN charge_run_weights wf ON wf.terms_id = x.terms_id AND wf.day = x.accrual_from - INTERVAL 1 DAY`,
      [first, last],
    );
    // Accounts first: their rows are locked outright, so the ledger's foreign-key checks add no
    // shared locks that another writer's could deadlock with.
    await q.query(
      `UPDATE accounts a JOIN charge_run_accruals c ON c.account_id = a.id
          SET a.interest_minor = a.interest_minor + c.interest_minor, a.balance_minor = a.balance_minor + c.interest_minor
        WHERE c.interest_minor > 0`,
    );
    await q.query(
      `INSERT INTO account_ledger (account_id, kind, component, amount_minor, currency, effective_date, ref_type, ref_id, note)
       SELECT account_id, '${CHARGE_LEDGER_KINDS.interest}', 'interest', interest_minor, currency, @through, 'charge_run', ?,
              CONCAT(DATE_FORMAT(accrual_from, '%Y-%m-%d'), '..', DATE_FORMAT(@through, '%Y-%m-%d'))
         FROM charge_run_accruals WHERE interest_minor > 0`,
      [runId],
    );
    await q.query(
      `INSERT INTO account_charge_state (account_id, accrued_through, carry)
       SELECT account_id, @through, carry FROM charge_run_accruals
       ON DUPLICATE KEY UPDATE accrued_through = VALUES(accrued_through), carry = VALUES(carry)`,
    );
    const [totals] = (await q.query(
      `SELECT COUNT(*) AS accounts, COALESCE(SUM(interest_minor), 0) AS interest,
              DATE_FORMAT(MIN(accrual_from), '%Y-%m-%d') AS earliest
         FROM charge_run_accruals WHERE accrues = 1`,
    )) as Raw[];
    return {
      accounts: Number(totals['accounts']),
      interestMinor: Number(totals['interest']),
      earliest: (totals['earliest'] as string | null) ?? null,
    };
  }

  /**
   * Collection fees for the chunk's accounts past their rule's days and not charged for the period:
   * each tranche's rate on the part of the debt (principal and interest) inside it, summed exactly,
   * rounded down once.
   */
  async chargeFeesChunk(q: QueryRunner, runId: string, first: number, last: number): Promise<number> {
    await q.query('DELETE FROM charge_run_fees');
    const base = '(a.balance_minor - a.fees_minor)';
    await q.query(
      `INSERT INTO charge_run_fees (account_id, rule_id, period_key, currency, fee_minor)
       SELECT a.id, t.rule_id, t.fee_period_key, a.currency,
              SUM(CAST(LEAST(${base}, COALESCE(f.upper_minor, ${base})) - f.lower_minor AS DECIMAL(38, 0)) * f.rate_ppm)
                DIV ${RATE_SCALE}
         FROM accounts a FORCE INDEX (PRIMARY)
         STRAIGHT_JOIN charge_run_terms t FORCE INDEX (PRIMARY) ON t.portfolio_id = a.portfolio_id
         STRAIGHT_JOIN collection_fee_tranches f ON f.jurisdiction = t.jurisdiction AND f.currency = a.currency
              AND f.lower_minor < ${base}
         LEFT JOIN account_fee_charges done ON done.account_id = a.id AND done.rule_id = t.rule_id
              AND done.period_key = t.fee_period_key
        WHERE a.id BETWEEN ? AND ? AND a.status IN ${CHARGEABLE} AND done.account_id IS NULL
          AND t.fee_after_days IS NOT NULL AND t.accrue_from <= @through
          AND ${PRINCIPAL} > 0 AND ${OVERDUE_AT} > t.fee_after_days
        GROUP BY a.id, t.rule_id, t.fee_period_key, a.currency`,
      [first, last],
    );
    await q.query('DELETE FROM charge_run_fees WHERE fee_minor <= 0');
    await q.query(
      `UPDATE accounts a JOIN charge_run_fees c ON c.account_id = a.id
          SET a.fees_minor = a.fees_minor + c.fee_minor, a.balance_minor = a.balance_minor + c.fee_minor`,
    );
    await q.query(
      `INSERT INTO account_fee_charges (account_id, rule_id, period_key, amount_minor, charged_on, run_id)
       SELECT account_id, rule_id, period_key, fee_minor, @through, ? FROM charge_run_fees`,
      [runId],
    );
    await q.query(
      `INSERT INTO account_ledger (account_id, kind, component, amount_minor, currency, effective_date, ref_type, ref_id, note)
       SELECT account_id, '${CHARGE_LEDGER_KINDS.fee}', 'fees', fee_minor, currency, @through, 'charge_run', ?, period_key
         FROM charge_run_fees`,
      [runId],
    );
    const [count] = (await q.query('SELECT COUNT(*) AS n FROM charge_run_fees')) as Raw[];
    return Number(count['n']);
  }
}
