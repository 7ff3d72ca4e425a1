import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The legal stage (DESIGN.md §1: judicial / coactiva). External agencies and law firms are teams of
 * their own kind, so their users reach only what is assigned to them, as any team's do; an account
 * handed to a firm has a legal case, and the firm logs what it did on it. Assignment history stays
 * in account_assignments.
 */
export class CreateLegalStage1764850000000 implements MigrationInterface {
  name = 'CreateLegalStage1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE teams ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'internal'");
    // The debt handed over is kept as it was on opening (the determination's starting point); the
    // account's own columns move on with payments and accruals.
    await q.query(`CREATE TABLE legal_cases (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      stage VARCHAR(10) NOT NULL,
      firm_team_id BIGINT UNSIGNED NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'open',
      opened_at DATETIME(3) NOT NULL,
      opened_by BIGINT UNSIGNED NULL,
      lawsuit_served_at DATETIME(3) NULL,
      court VARCHAR(160) NULL,
      case_number VARCHAR(60) NULL,
      currency CHAR(3) NOT NULL,
      principal_minor BIGINT NOT NULL,
      interest_minor BIGINT NOT NULL,
      fees_minor BIGINT NOT NULL,
      balance_minor BIGINT NOT NULL,
      closed_at DATETIME(3) NULL,
      closed_by BIGINT UNSIGNED NULL,
      open_account_id BIGINT UNSIGNED AS (CASE WHEN status = 'open' THEN account_id END) PERSISTENT,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_legal_cases_open_account (open_account_id),
      KEY ix_legal_cases_account (account_id, opened_at),
      KEY ix_legal_cases_firm (firm_team_id, status, opened_at),
      CONSTRAINT fk_legal_cases_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_legal_cases_firm FOREIGN KEY (firm_team_id) REFERENCES teams (id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE legal_actions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      case_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(20) NOT NULL,
      at DATETIME(3) NOT NULL,
      by_user_id BIGINT UNSIGNED NULL,
      notes VARCHAR(1000) NULL,
      created_at ${TS},
      KEY ix_legal_actions_case (case_id, at),
      CONSTRAINT fk_legal_actions_case FOREIGN KEY (case_id) REFERENCES legal_cases (id) ON DELETE CASCADE
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE legal_actions');
    await q.query('DROP TABLE legal_cases');
    await q.query('ALTER TABLE teams DROP COLUMN kind');
  }
}
