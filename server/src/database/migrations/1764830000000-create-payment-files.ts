import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Payments that arrive in files: bank and cashier files (layouts saved per client, each line's
 * rejects), direct debits (mandates, batches of debits for the bank and its answers) and payroll
 * deductions (employers, their employees' accounts, monthly deduction files and what was withheld).
 * The payments themselves are rows of `payments`, tied back here by batch_id and their channel.
 */
export class CreatePaymentFiles1764830000000 implements MigrationInterface {
  name = 'CreatePaymentFiles1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payment_file_layouts (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      name VARCHAR(80) NOT NULL,
      layout JSON NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_payment_file_layouts_client_name (client_id, name),
      CONSTRAINT fk_payment_file_layouts_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // The layout is copied onto the file: editing a saved layout later does not change what a file read.
    await q.query(`CREATE TABLE payment_files (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      layout_name VARCHAR(80) NOT NULL,
      layout JSON NOT NULL,
      channel VARCHAR(16) NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      stored_path VARCHAR(500) NOT NULL,
      size_bytes BIGINT NOT NULL,
      sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'queued',
      processed_rows INT NOT NULL DEFAULT 0,
      applied INT NOT NULL DEFAULT 0,
      duplicates INT NOT NULL DEFAULT 0,
      rejected INT NOT NULL DEFAULT 0,
      bytes_read BIGINT NOT NULL DEFAULT 0,
      error TEXT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      KEY ix_payment_files_created (created_at),
      CONSTRAINT fk_payment_files_client FOREIGN KEY (client_id) REFERENCES clients (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE payment_file_rejects (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      file_id BIGINT UNSIGNED NOT NULL,
      line INT NOT NULL,
      column_name VARCHAR(120) NOT NULL,
      code VARCHAR(24) NOT NULL,
      params JSON NULL,
      KEY ix_payment_file_rejects_file_line (file_id, line),
      CONSTRAINT fk_payment_file_rejects_file FOREIGN KEY (file_id) REFERENCES payment_files (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // The bank account is sealed (AES-256-GCM with the data key): the batch file needs it whole,
    // nothing else does. One active mandate per account (active_account_id is NULL once revoked).
    await q.query(`CREATE TABLE debit_mandates (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      client_id BIGINT UNSIGNED NOT NULL,
      bank_code VARCHAR(20) NOT NULL,
      bank_account_enc VARCHAR(400) NOT NULL,
      bank_account_last4 VARCHAR(4) NOT NULL,
      bank_account_length TINYINT UNSIGNED NOT NULL,
      limit_minor BIGINT NOT NULL,
      currency CHAR(3) NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'active',
      active_account_id BIGINT UNSIGNED AS (IF(status = 'active', account_id, NULL)) STORED,
      revoked_at DATETIME(3) NULL,
      revoked_reason VARCHAR(160) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_debit_mandates_active_account (active_account_id),
      KEY ix_debit_mandates_client_status (client_id, status),
      KEY ix_debit_mandates_account (account_id),
      CONSTRAINT fk_debit_mandates_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE debit_batches (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      collection_date DATE NOT NULL,
      adapter VARCHAR(30) NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'pending',
      max_attempts TINYINT UNSIGNED NOT NULL,
      currency CHAR(3) NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      answered_at DATETIME(3) NULL,
      KEY ix_debit_batches_client (client_id, collection_date),
      CONSTRAINT fk_debit_batches_client FOREIGN KEY (client_id) REFERENCES clients (id)
    ) ${TABLE}`);

    // status: pending (waiting for the bank) | paid | rejected | unanswered (left out of its response).
    await q.query(`CREATE TABLE debit_batch_items (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      batch_id BIGINT UNSIGNED NOT NULL,
      mandate_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      installment_id BIGINT UNSIGNED NOT NULL,
      reference VARCHAR(40) CHARACTER SET ascii NOT NULL,
      amount_minor BIGINT NOT NULL,
      attempt TINYINT UNSIGNED NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'pending',
      bank_reason_code VARCHAR(20) NULL,
      reason_code VARCHAR(20) NULL,
      payment_id BIGINT UNSIGNED NULL,
      answered_at DATETIME(3) NULL,
      UNIQUE KEY uq_debit_batch_items_reference (reference),
      KEY ix_debit_batch_items_batch (batch_id),
      KEY ix_debit_batch_items_installment (installment_id, status),
      CONSTRAINT fk_debit_batch_items_batch FOREIGN KEY (batch_id) REFERENCES debit_batches (id) ON DELETE CASCADE,
      CONSTRAINT fk_debit_batch_items_mandate FOREIGN KEY (mandate_id) REFERENCES debit_mandates (id)
    ) ${TABLE}`);

    // Each response file received for a batch, with the lines it could not use.
    await q.query(`CREATE TABLE debit_responses (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      batch_id BIGINT UNSIGNED NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      sha256 CHAR(64) CHARACTER SET ascii NOT NULL,
      paid INT NOT NULL,
      rejected INT NOT NULL,
      duplicates INT NOT NULL,
      problems JSON NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      KEY ix_debit_responses_batch (batch_id),
      CONSTRAINT fk_debit_responses_batch FOREIGN KEY (batch_id) REFERENCES debit_batches (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE employers (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(120) NOT NULL,
      tax_id VARCHAR(30) NOT NULL,
      contact_name VARCHAR(120) NULL,
      contact_email VARCHAR(190) NULL,
      contact_phone VARCHAR(30) NULL,
      currency CHAR(3) NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_employers_tax_id (tax_id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE employer_employees (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      employer_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      employee_number VARCHAR(40) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      UNIQUE KEY uq_employer_employees_account (employer_id, account_id),
      KEY ix_employer_employees_account (account_id),
      CONSTRAINT fk_employer_employees_employer FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE CASCADE,
      CONSTRAINT fk_employer_employees_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // One deduction file per employer and month; the withheld file is answered once (by its hash).
    await q.query(`CREATE TABLE payroll_deduction_files (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      employer_id BIGINT UNSIGNED NOT NULL,
      period DATE NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'requested',
      currency CHAR(3) NOT NULL,
      withheld_file_name VARCHAR(255) NULL,
      withheld_sha256 CHAR(64) CHARACTER SET ascii NULL,
      withheld_problems JSON NULL,
      withheld_at DATETIME(3) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      UNIQUE KEY uq_payroll_deduction_files_period (employer_id, period),
      CONSTRAINT fk_payroll_deduction_files_employer FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // The debtor's name and ids are copied: the file sent is what the employer saw.
    await q.query(`CREATE TABLE payroll_deduction_lines (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      file_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      reference VARCHAR(40) CHARACTER SET ascii NOT NULL,
      employee_number VARCHAR(40) NULL,
      national_id VARCHAR(30) NOT NULL,
      full_name VARCHAR(120) NOT NULL,
      account_number VARCHAR(40) NOT NULL,
      requested_minor BIGINT NOT NULL,
      payment_id BIGINT UNSIGNED NULL,
      UNIQUE KEY uq_payroll_deduction_lines_reference (reference),
      KEY ix_payroll_deduction_lines_file (file_id),
      CONSTRAINT fk_payroll_deduction_lines_file FOREIGN KEY (file_id) REFERENCES payroll_deduction_files (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE payroll_withholdings (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      file_id BIGINT UNSIGNED NOT NULL,
      line INT NOT NULL,
      reference VARCHAR(80) NULL,
      national_id VARCHAR(30) NULL,
      account_number VARCHAR(40) NULL,
      amount_minor BIGINT NOT NULL,
      KEY ix_payroll_withholdings_file (file_id, line),
      CONSTRAINT fk_payroll_withholdings_file FOREIGN KEY (file_id) REFERENCES payroll_deduction_files (id) ON DELETE CASCADE
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'payroll_withholdings',
      'payroll_deduction_lines',
      'payroll_deduction_files',
      'employer_employees',
      'employers',
      'debit_responses',
      'debit_batch_items',
      'debit_batches',
      'debit_mandates',
      'payment_file_rejects',
      'payment_files',
      'payment_file_layouts',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
