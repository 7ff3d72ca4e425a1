import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = `attempts, human_answered, right_party, agreements, promised_minor, payments, recovered_minor,
  talk_seconds, wrap_seconds, installments_due, installments_kept`;

/**
 * `metric_monthly`: the daily cube summed per agency-calendar month, kept in the same transactions
 * as `metric_daily`, so month, previous-month and year-to-date figures read a few hundred rows per
 * month instead of every day's. Sweep members are keyed month first: every read names the month, a
 * month's rebuild writes one contiguous range, and the (month, account) index is no longer needed.
 */
export class AddMetricMonthly1764700000000 implements MigrationInterface {
  name = 'AddMetricMonthly1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE metric_monthly (
      month DATE NOT NULL,
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
      PRIMARY KEY (month, client_id, portfolio_id, team_id, agent_id, currency)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(
      `INSERT INTO metric_monthly (month, client_id, portfolio_id, team_id, agent_id, currency, ${MEASURES})
       SELECT DATE_FORMAT(day, '%Y-%m-01'), client_id, portfolio_id, team_id, agent_id, currency,
              SUM(attempts), SUM(human_answered), SUM(right_party), SUM(agreements), SUM(promised_minor),
              SUM(payments), SUM(recovered_minor), SUM(talk_seconds), SUM(wrap_seconds),
              SUM(installments_due), SUM(installments_kept)
         FROM metric_daily GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    await q.query(`ALTER TABLE metric_sweep_members DROP PRIMARY KEY,
      ADD PRIMARY KEY (month, scope, scope_id, account_id), DROP KEY ix_metric_sweep_members_account`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE metric_sweep_members DROP PRIMARY KEY,
      ADD PRIMARY KEY (scope, scope_id, month, account_id), ADD KEY ix_metric_sweep_members_account (month, account_id)`);
    await q.query('DROP TABLE metric_monthly');
  }
}
