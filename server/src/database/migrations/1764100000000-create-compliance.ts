import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The compliance gate's data (DESIGN.md §5): editable profiles per jurisdiction, public holidays per
 * country, and one row per attempt the gate refused, so a supervisor can see why an account was not
 * worked and an auditor that the rules held.
 */
export class CreateCompliance1764100000000 implements MigrationInterface {
  name = 'CreateCompliance1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // updated_by stays NULL while the row is the shipped default, which is how start-up seeding
    // knows it may add a missing profile but never touches one an admin saved.
    await q.query(`CREATE TABLE compliance_profiles (
      code VARCHAR(10) NOT NULL PRIMARY KEY,
      definition JSON NOT NULL,
      updated_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS}
    ) ${TABLE}`);

    // A removed holiday keeps its row with removed_at set: start-up seeding inserts missing default
    // dates with INSERT IGNORE, and a deleted row would otherwise come back on the next restart.
    await q.query(`CREATE TABLE holidays (
      country CHAR(2) NOT NULL,
      date DATE NOT NULL,
      name VARCHAR(120) NULL,
      removed_at DATETIME(3) NULL,
      PRIMARY KEY (country, date)
    ) ${TABLE}`);

    // No foreign keys: refusals are an append-only log written on the dialer's hot path, and an
    // auditor's record must outlive the account or campaign it mentions.
    await q.query(`CREATE TABLE compliance_refusals (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      contact_point_id BIGINT UNSIGNED NULL,
      campaign_id BIGINT UNSIGNED NULL,
      team_id BIGINT UNSIGNED NULL,
      channel VARCHAR(10) NOT NULL,
      reason VARCHAR(40) NOT NULL,
      retry_at DATETIME(3) NULL,
      at DATETIME(3) NOT NULL,
      KEY ix_compliance_refusals_campaign_at (campaign_id, at),
      KEY ix_compliance_refusals_team_at (team_id, at),
      KEY ix_compliance_refusals_reason_at (reason, at),
      KEY ix_compliance_refusals_account_at (account_id, at)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE compliance_refusals');
    await q.query('DROP TABLE holidays');
    await q.query('DROP TABLE compliance_profiles');
  }
}
