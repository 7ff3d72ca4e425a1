import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Period close. A month (its first day in the agency's calendar) is closed once a row is here:
 * from then on, payments dated in it are booked into the next open month and back-dated writes are
 * refused. Its figures at the close are kept as one frozen document per month (per client,
 * portfolio and team: recovered, sweep, kept rate, balances by aging), written once and never
 * updated, so neither later payments nor a rebuild of the rollups move a closed month's report.
 */
export class CreatePeriodClose1764860000000 implements MigrationInterface {
  name = 'CreatePeriodClose1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE closed_periods (
      month DATE NOT NULL PRIMARY KEY,
      closed_by BIGINT UNSIGNED NULL,
      closed_at DATETIME(3) NOT NULL
    ) ${TABLE}`);
    await q.query(`CREATE TABLE period_snapshots (
      month DATE NOT NULL PRIMARY KEY,
      figures JSON NOT NULL,
      counted_at DATETIME(3) NOT NULL,
      CONSTRAINT fk_period_snapshots_month FOREIGN KEY (month) REFERENCES closed_periods (month)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE period_snapshots');
    await q.query('DROP TABLE closed_periods');
  }
}
