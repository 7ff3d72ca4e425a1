import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Promises kept and broken (DESIGN.md §5.2): the client's reminder lead time and the legal text its
 * agreement documents carry; notifications a user reads when they next log in; the payment
 * reminders the daily check records as due (until omnichannel messages send them); and each run of
 * that check, so a process starting after downtime knows the day's run is missing.
 */
export class CreatePromiseTracking1764810000000 implements MigrationInterface {
  name = 'CreatePromiseTracking1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clients
      ADD COLUMN reminder_days INT NOT NULL DEFAULT 3,
      ADD COLUMN agreement_legal_text TEXT NULL`);
    // The floor alerts on agreements broken in the last day.
    await q.query('ALTER TABLE agreements ADD KEY ix_agreements_status_closed (status, closed_at)');
    await q.query(`CREATE TABLE notifications (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(40) NOT NULL,
      entity_type VARCHAR(40) NOT NULL,
      entity_id BIGINT UNSIGNED NOT NULL,
      payload JSON NOT NULL,
      created_at DATETIME(3) NOT NULL,
      read_at DATETIME(3) NULL,
      UNIQUE KEY uq_notifications_user_kind_entity (user_id, kind, entity_id),
      KEY ix_notifications_user_time (user_id, created_at),
      CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ${TABLE}`);
    // One reminder of each kind per installment: the daily check inserts them idempotently.
    await q.query(`CREATE TABLE message_reminders (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      agreement_id BIGINT UNSIGNED NOT NULL,
      installment_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(16) NOT NULL,
      due_at DATETIME(3) NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'due',
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_message_reminders_installment_kind (installment_id, kind),
      KEY ix_message_reminders_status_due (status, due_at),
      KEY ix_message_reminders_account (account_id),
      CONSTRAINT fk_message_reminders_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_message_reminders_installment FOREIGN KEY (installment_id) REFERENCES installments (id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`CREATE TABLE promise_check_runs (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      day DATE NOT NULL,
      started_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NOT NULL,
      checked INT NOT NULL,
      broken INT NOT NULL,
      reminders INT NOT NULL,
      KEY ix_promise_check_runs_day (day)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE promise_check_runs');
    await q.query('DROP TABLE message_reminders');
    await q.query('DROP TABLE notifications');
    await q.query('ALTER TABLE agreements DROP KEY ix_agreements_status_closed');
    await q.query('ALTER TABLE clients DROP COLUMN agreement_legal_text, DROP COLUMN reminder_days');
  }
}
