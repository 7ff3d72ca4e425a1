import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * What a payment does to an account (DESIGN.md §5.2). The balance stays the total owed; the late
 * interest and collection fees the agency charged are kept apart (principal = balance − interest −
 * fees), so a payment can be applied to them in the client's order and a reversal put back exactly
 * what it took. Money paid beyond the balance is the debtor's credit.
 */
export class CreatePaymentLifecycle1764800000000 implements MigrationInterface {
  name = 'CreatePaymentLifecycle1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts
      ADD COLUMN interest_minor BIGINT NOT NULL DEFAULT 0,
      ADD COLUMN fees_minor BIGINT NOT NULL DEFAULT 0,
      ADD COLUMN credit_minor BIGINT NOT NULL DEFAULT 0`);
    // The client's rule: after the installments, what a payment pays first.
    await q.query(`ALTER TABLE clients
      ADD COLUMN application_order VARCHAR(40) NOT NULL DEFAULT 'interest,fees,principal',
      ADD COLUMN grace_days INT NOT NULL DEFAULT 3,
      ADD COLUMN gateway_secret_enc VARCHAR(400) NULL`);
    await q.query(`ALTER TABLE payments
      ADD COLUMN value_at DATETIME(3) NULL,
      ADD COLUMN note VARCHAR(255) NULL,
      ADD COLUMN batch_id BIGINT UNSIGNED NULL,
      ADD COLUMN reversal_reason VARCHAR(120) NULL,
      ADD COLUMN reversed_by BIGINT UNSIGNED NULL,
      ADD KEY ix_payments_batch (batch_id)`);
    await q.query(`ALTER TABLE agreements
      ADD COLUMN closed_at DATETIME(3) NULL`);
    // Every movement of an account's interest, fees and principal other than a payment's allocations:
    // interest accrued, fees charged, waivers, a settled agreement's remainder written off. Rows a
    // payment caused name it (ref_type 'payment'), so its reversal undoes them exactly.
    await q.query(`CREATE TABLE account_ledger (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(20) NOT NULL,
      component VARCHAR(10) NOT NULL,
      amount_minor BIGINT NOT NULL,
      currency CHAR(3) NOT NULL,
      effective_date DATE NOT NULL,
      ref_type VARCHAR(16) NULL,
      ref_id BIGINT UNSIGNED NULL,
      note VARCHAR(255) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_account_ledger_account (account_id, effective_date),
      KEY ix_account_ledger_ref (ref_type, ref_id),
      CONSTRAINT fk_account_ledger_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);
    // A collections lead's sign-off of a day's payment application, with the totals signed.
    await q.query(`CREATE TABLE payment_day_signoffs (
      day DATE NOT NULL PRIMARY KEY,
      signed_by BIGINT UNSIGNED NOT NULL,
      signed_at DATETIME(3) NOT NULL,
      totals JSON NOT NULL
    ) ${TABLE}`);
    // Gateway deliveries seen, for the replay window (a signature is accepted once).
    await q.query(`CREATE TABLE payment_webhook_deliveries (
      client_id BIGINT UNSIGNED NOT NULL,
      signature CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      received_at DATETIME(3) NOT NULL,
      payment_id BIGINT UNSIGNED NULL,
      PRIMARY KEY (client_id, signature),
      KEY ix_payment_webhook_deliveries_time (received_at)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE payment_webhook_deliveries');
    await q.query('DROP TABLE account_ledger');
    await q.query('DROP TABLE payment_day_signoffs');
    await q.query('ALTER TABLE agreements DROP COLUMN closed_at');
    await q.query(`ALTER TABLE payments DROP KEY ix_payments_batch, DROP COLUMN reversed_by,
      DROP COLUMN reversal_reason, DROP COLUMN batch_id, DROP COLUMN note, DROP COLUMN value_at`);
    await q.query(
      'ALTER TABLE clients DROP COLUMN gateway_secret_enc, DROP COLUMN grace_days, DROP COLUMN application_order',
    );
    await q.query(
      'ALTER TABLE accounts DROP COLUMN credit_minor, DROP COLUMN fees_minor, DROP COLUMN interest_minor',
    );
  }
}
