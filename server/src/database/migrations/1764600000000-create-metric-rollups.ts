import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Rollups the dashboards read instead of raw history (DESIGN.md §3). `metric_daily` is a small cube:
 * each agency-calendar day's sums per client, portfolio, team and agent (0: none) and currency, so any
 * scope, filtered by any other, is a sum over a few thousand rows a month; `metric_sweep_members`
 * lists the accounts each scope held in a month with whether they were attempted / reached, and
 * `metric_sweep` keeps their counts. Source rows carry `rolled_up` so each is counted exactly once
 * (payments: 1 counted, 2 its reversal counted too; installments: see INSTALLMENT_ROLLUP).
 */
export class CreateMetricRollups1764600000000 implements MigrationInterface {
  name = 'CreateMetricRollups1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE metric_daily (
      day DATE NOT NULL,
      client_id BIGINT UNSIGNED NOT NULL,
      portfolio_id BIGINT UNSIGNED NOT NULL,
      team_id BIGINT UNSIGNED NOT NULL,
      agent_id BIGINT UNSIGNED NOT NULL,
      currency CHAR(3) NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      human_answered INT NOT NULL DEFAULT 0,
      right_party INT NOT NULL DEFAULT 0,
      agreements INT NOT NULL DEFAULT 0,
      promised_minor BIGINT NOT NULL DEFAULT 0,
      payments INT NOT NULL DEFAULT 0,
      recovered_minor BIGINT NOT NULL DEFAULT 0,
      talk_seconds BIGINT NOT NULL DEFAULT 0,
      wrap_seconds BIGINT NOT NULL DEFAULT 0,
      installments_due INT NOT NULL DEFAULT 0,
      installments_kept INT NOT NULL DEFAULT 0,
      PRIMARY KEY (day, client_id, portfolio_id, team_id, agent_id, currency)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE metric_sweep_members (
      scope VARCHAR(9) NOT NULL,
      scope_id BIGINT UNSIGNED NOT NULL,
      month DATE NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      attempted TINYINT(1) NOT NULL DEFAULT 0,
      right_party TINYINT(1) NOT NULL DEFAULT 0,
      PRIMARY KEY (scope, scope_id, month, account_id),
      KEY ix_metric_sweep_members_account (month, account_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE metric_sweep (
      scope VARCHAR(9) NOT NULL,
      scope_id BIGINT UNSIGNED NOT NULL,
      month DATE NOT NULL,
      assigned INT NOT NULL DEFAULT 0,
      attempted INT NOT NULL DEFAULT 0,
      right_party INT NOT NULL DEFAULT 0,
      PRIMARY KEY (scope, scope_id, month),
      KEY ix_metric_sweep_month (month, scope)
    ) ${TABLE}`);
    // The receivable balance by aging bucket and by sector / red / zona, per portfolio, recounted
    // every few minutes (balances move with every payment and import).
    await q.query(`CREATE TABLE metric_delinquency (
      portfolio_id BIGINT UNSIGNED NOT NULL,
      dimension VARCHAR(6) NOT NULL,
      group_key VARCHAR(120) NOT NULL,
      currency CHAR(3) NOT NULL,
      accounts INT NOT NULL,
      total_minor BIGINT NOT NULL,
      overdue_minor BIGINT NOT NULL,
      counted_at DATETIME(3) NOT NULL,
      PRIMARY KEY (portfolio_id, dimension, group_key, currency)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE metric_months (
      month DATE NOT NULL PRIMARY KEY,
      seeded_at DATETIME(3) NOT NULL
    ) ${TABLE}`);
    for (const table of ['interactions', 'payments', 'agreements', 'account_assignments'])
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN rolled_up TINYINT NOT NULL DEFAULT 0, ADD KEY ix_${table}_rollup (rolled_up, id)`,
      );
    await q.query(
      `ALTER TABLE installments ADD COLUMN rolled_up TINYINT NOT NULL DEFAULT 0,
         ADD KEY ix_installments_rollup (rolled_up, status, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE installments DROP KEY ix_installments_rollup, DROP COLUMN rolled_up');
    for (const table of ['interactions', 'payments', 'agreements', 'account_assignments'])
      await q.query(`ALTER TABLE ${table} DROP KEY ix_${table}_rollup, DROP COLUMN rolled_up`);
    for (const table of [
      'metric_months',
      'metric_delinquency',
      'metric_sweep',
      'metric_sweep_members',
      'metric_daily',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
