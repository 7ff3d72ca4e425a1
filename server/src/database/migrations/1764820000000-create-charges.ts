import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Default legal caps on late interest, per jurisdiction. SUMMARIES, NOT LEGAL ADVICE: the figures
 * move (Colombia's usury rate is certified monthly by the Superintendencia Financiera, Chile's
 * maximum conventional rate is published by the CMF by amount tranche); an admin must edit them
 * to the rate in force. Null: no cap stored.
 */
const DEFAULT_CAPS: {
  jurisdiction: string;
  basis: string | null;
  ratePpm: number | null;
  /** monthlyCapPpm(basis, ratePpm) of shared/charges, written out so this migration never changes. */
  monthlyPpm: number | null;
  source: string;
}[] = [
  {
    jurisdiction: 'CO',
    basis: 'annual_effective',
    ratePpm: 250_000,
    monthlyPpm: 18_769,
    source: 'Tasa de usura (Superfinanciera, certificada cada mes): 25 % E.A. de referencia; actualícela.',
  },
  {
    jurisdiction: 'CL',
    basis: 'annual_nominal',
    ratePpm: 390_000,
    monthlyPpm: 32_500,
    source:
      'Interés máximo convencional (Ley 18.010, publicado por la CMF), operaciones no reajustables ≤ 50 UF: 39 % anual de referencia; actualícelo.',
  },
  {
    jurisdiction: 'MX',
    basis: null,
    ratePpm: null,
    monthlyPpm: null,
    source: 'Sin tope legal general por defecto.',
  },
  {
    jurisdiction: 'EC',
    basis: null,
    ratePpm: null,
    monthlyPpm: null,
    source: 'Sin tope cargado: el BCE fija tasas máximas por segmento.',
  },
  {
    jurisdiction: 'PE',
    basis: null,
    ratePpm: null,
    monthlyPpm: null,
    source: 'Sin tope cargado: el BCRP fija tasas máximas para no financieras.',
  },
  {
    jurisdiction: 'US',
    basis: null,
    ratePpm: null,
    monthlyPpm: null,
    source: 'No cap stored: usury limits are set by each state.',
  },
];

/**
 * Chile's collection-fee schedule (art. 37 Ley 19.496): 9 % of the debt up to 10 UF, 6 % from 10 to
 * 50 UF, 3 % above 50 UF. The bounds are in pesos at a UF of 39 500 CLP; an admin must keep them in
 * line with the UF of the day. Other countries' schedules are rows like these.
 */
const CHILE_TRANCHES = [
  { lower: 0, upper: 395_000, ratePpm: 90_000 },
  { lower: 395_000, upper: 1_975_000, ratePpm: 60_000 },
  { lower: 1_975_000, upper: null, ratePpm: 30_000 },
];

/**
 * Late interest and collection fees as data: each client's rule (a portfolio may override it), the
 * legal cap per jurisdiction, fee schedules by tranche; and the daily job's bookkeeping: where it
 * left each account (the last day passed and the fraction of a minor unit carried), the fees
 * charged per account, rule and period (so a fee is charged once), the waivers booked per
 * agreement (so an activation is booked once) and each run.
 */
export class CreateCharges1764820000000 implements MigrationInterface {
  name = 'CreateCharges1764820000000';

  async up(q: QueryRunner): Promise<void> {
    // One rule per client (portfolio_id NULL) and per portfolio that overrides it.
    await q.query(`CREATE TABLE charge_rules (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      portfolio_id BIGINT UNSIGNED NULL,
      scope_portfolio_id BIGINT UNSIGNED AS (COALESCE(portfolio_id, 0)) STORED,
      interest_rate_ppm INT UNSIGNED NOT NULL,
      interest_period VARCHAR(8) NOT NULL,
      accrue_from DATE NOT NULL,
      fee_after_days INT NULL,
      fee_period VARCHAR(8) NOT NULL DEFAULT 'once',
      updated_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_charge_rules_scope (client_id, scope_portfolio_id),
      CONSTRAINT fk_charge_rules_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT fk_charge_rules_portfolio FOREIGN KEY (portfolio_id) REFERENCES portfolios (id) ON DELETE CASCADE
    ) ${TABLE}`);
    // As entered (basis and rate) and as applied (the monthly rate interest may not exceed).
    await q.query(`CREATE TABLE interest_caps (
      jurisdiction CHAR(2) NOT NULL PRIMARY KEY,
      basis VARCHAR(16) NULL,
      rate_ppm INT UNSIGNED NULL,
      monthly_cap_ppm INT UNSIGNED NULL,
      source VARCHAR(255) NULL,
      updated_by BIGINT UNSIGNED NULL,
      updated_at ${TS}
    ) ${TABLE}`);
    await q.query(`CREATE TABLE collection_fee_tranches (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      jurisdiction CHAR(2) NOT NULL,
      currency CHAR(3) NOT NULL,
      lower_minor BIGINT NOT NULL,
      upper_minor BIGINT NULL,
      rate_ppm INT UNSIGNED NOT NULL,
      updated_at ${TS},
      UNIQUE KEY uq_collection_fee_tranches (jurisdiction, currency, lower_minor)
    ) ${TABLE}`);
    // carry: the fraction of a minor unit accrued but not charged, in parts of 3.7758·10¹¹.
    await q.query(`CREATE TABLE account_charge_state (
      account_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      accrued_through DATE NOT NULL,
      carry BIGINT NOT NULL DEFAULT 0,
      CONSTRAINT fk_account_charge_state_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);
    // period_key: 'once', or the month ('2026-11') for monthly fees.
    await q.query(`CREATE TABLE account_fee_charges (
      account_id BIGINT UNSIGNED NOT NULL,
      rule_id BIGINT UNSIGNED NOT NULL,
      period_key VARCHAR(7) NOT NULL,
      amount_minor BIGINT NOT NULL,
      charged_on DATE NOT NULL,
      run_id BIGINT UNSIGNED NOT NULL,
      PRIMARY KEY (account_id, rule_id, period_key),
      CONSTRAINT fk_account_fee_charges_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE agreement_waivers (
      agreement_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      interest_minor BIGINT NOT NULL,
      fees_minor BIGINT NOT NULL,
      principal_minor BIGINT NOT NULL,
      applied_at DATETIME(3) NOT NULL,
      KEY ix_agreement_waivers_account (account_id),
      CONSTRAINT fk_agreement_waivers_agreement FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE charge_runs (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      through_date DATE NOT NULL,
      accounts INT NOT NULL DEFAULT 0,
      days INT NOT NULL DEFAULT 0,
      fees INT NOT NULL DEFAULT 0,
      interest_minor BIGINT NOT NULL DEFAULT 0,
      seconds DECIMAL(10, 3) NULL,
      started_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NULL,
      KEY ix_charge_runs_through (through_date)
    ) ${TABLE}`);

    for (const cap of DEFAULT_CAPS)
      await q.query(
        'INSERT INTO interest_caps (jurisdiction, basis, rate_ppm, monthly_cap_ppm, source) VALUES (?, ?, ?, ?, ?)',
        [cap.jurisdiction, cap.basis, cap.ratePpm, cap.monthlyPpm, cap.source],
      );
    for (const t of CHILE_TRANCHES)
      await q.query(
        `INSERT INTO collection_fee_tranches (jurisdiction, currency, lower_minor, upper_minor, rate_ppm)
         VALUES ('CL', 'CLP', ?, ?, ?)`,
        [t.lower, t.upper, t.ratePpm],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE charge_runs');
    await q.query('DROP TABLE agreement_waivers');
    await q.query('DROP TABLE account_fee_charges');
    await q.query('DROP TABLE account_charge_state');
    await q.query('DROP TABLE collection_fee_tranches');
    await q.query('DROP TABLE interest_caps');
    await q.query('DROP TABLE charge_rules');
  }
}
