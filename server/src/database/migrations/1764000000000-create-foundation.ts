import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The collections model of DESIGN.md §2. Ids are BIGINT (accounts and interactions reach millions),
 * money is BIGINT minor units beside a currency, instants are UTC DATETIME(3), civil dates DATE.
 */
export class CreateFoundation1764000000000 implements MigrationInterface {
  name = 'CreateFoundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      code VARCHAR(20) NOT NULL,
      name VARCHAR(120) NOT NULL,
      country CHAR(2) NOT NULL,
      currency CHAR(3) NOT NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_clients_code (code)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE portfolios (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      name VARCHAR(120) NOT NULL,
      stage VARCHAR(16) NOT NULL,
      industry VARCHAR(16) NOT NULL,
      currency CHAR(3) NOT NULL,
      jurisdiction CHAR(2) NOT NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_portfolios_client_name (client_id, name),
      CONSTRAINT fk_portfolios_client FOREIGN KEY (client_id) REFERENCES clients (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE teams (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(80) NOT NULL,
      supervisor_id BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_teams_name (name),
      KEY ix_teams_supervisor (supervisor_id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE users (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      email VARCHAR(190) NOT NULL,
      full_name VARCHAR(120) NOT NULL,
      password_hash VARCHAR(255) NOT NULL,
      role VARCHAR(16) NOT NULL,
      team_id BIGINT UNSIGNED NULL,
      locale CHAR(2) NOT NULL DEFAULT 'es',
      active TINYINT(1) NOT NULL DEFAULT 1,
      failed_logins INT NOT NULL DEFAULT 0,
      locked_until DATETIME(3) NULL,
      last_login_at DATETIME(3) NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_users_email (email),
      KEY ix_users_team_role (team_id, role),
      CONSTRAINT fk_users_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL
    ) ${TABLE}`);
    await q.query(
      `ALTER TABLE teams ADD CONSTRAINT fk_teams_supervisor FOREIGN KEY (supervisor_id) REFERENCES users (id) ON DELETE SET NULL`,
    );

    await q.query(`CREATE TABLE refresh_tokens (
      id CHAR(36) NOT NULL PRIMARY KEY,
      user_id BIGINT UNSIGNED NOT NULL,
      family_id CHAR(36) NOT NULL,
      token_hash CHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      replaced_by CHAR(36) NULL,
      created_at ${TS},
      KEY ix_refresh_tokens_user (user_id),
      KEY ix_refresh_tokens_family (family_id),
      CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE debtors (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      debtor_key VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      national_id VARCHAR(30) CHARACTER SET ascii COLLATE ascii_bin NULL,
      full_name VARCHAR(120) NULL,
      time_zone VARCHAR(40) NOT NULL,
      jurisdiction CHAR(2) NOT NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_debtors_client_key (client_id, debtor_key),
      KEY ix_debtors_national_id (national_id),
      CONSTRAINT fk_debtors_client FOREIGN KEY (client_id) REFERENCES clients (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE contact_points (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      debtor_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(12) NOT NULL,
      value VARCHAR(190) COLLATE utf8mb4_bin NOT NULL,
      valid TINYINT(1) NOT NULL DEFAULT 1,
      consent VARCHAR(10) NOT NULL DEFAULT 'unknown',
      do_not_contact TINYINT(1) NOT NULL DEFAULT 0,
      source VARCHAR(20) NOT NULL DEFAULT 'import',
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_contact_points_debtor_type_value (debtor_id, type, value),
      KEY ix_contact_points_value (value),
      CONSTRAINT fk_contact_points_debtor FOREIGN KEY (debtor_id) REFERENCES debtors (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE accounts (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      portfolio_id BIGINT UNSIGNED NOT NULL,
      debtor_id BIGINT UNSIGNED NOT NULL,
      account_number VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      currency CHAR(3) NOT NULL,
      original_amount_minor BIGINT NOT NULL,
      balance_minor BIGINT NOT NULL,
      due_date DATE NULL,
      days_past_due INT NOT NULL DEFAULT 0,
      aging_bucket VARCHAR(8) NOT NULL,
      product VARCHAR(120) NULL,
      sector VARCHAR(120) NULL,
      red VARCHAR(120) NULL,
      zona VARCHAR(120) NULL,
      score SMALLINT NULL,
      status VARCHAR(16) NOT NULL DEFAULT 'active',
      assigned_team_id BIGINT UNSIGNED NULL,
      assigned_agent_id BIGINT UNSIGNED NULL,
      last_attempt_at DATETIME(3) NULL,
      last_disposition_code VARCHAR(40) NULL,
      last_import_id BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_accounts_client_number (client_id, account_number),
      KEY ix_accounts_agent_worklist (assigned_agent_id, status, days_past_due),
      KEY ix_accounts_team_worklist (assigned_team_id, status, days_past_due),
      KEY ix_accounts_campaign_segment (portfolio_id, status, aging_bucket, balance_minor),
      KEY ix_accounts_debtor (debtor_id),
      CONSTRAINT fk_accounts_client FOREIGN KEY (client_id) REFERENCES clients (id),
      CONSTRAINT fk_accounts_portfolio FOREIGN KEY (portfolio_id) REFERENCES portfolios (id),
      CONSTRAINT fk_accounts_debtor FOREIGN KEY (debtor_id) REFERENCES debtors (id),
      CONSTRAINT fk_accounts_team FOREIGN KEY (assigned_team_id) REFERENCES teams (id) ON DELETE SET NULL,
      CONSTRAINT fk_accounts_agent FOREIGN KEY (assigned_agent_id) REFERENCES users (id) ON DELETE SET NULL
    ) ${TABLE}`);

    // Assignment history: sweep rate counts accounts assigned during a period, and recovery is
    // attributed to the team/agent holding the account on the payment date (DESIGN.md §3).
    await q.query(`CREATE TABLE account_assignments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      team_id BIGINT UNSIGNED NULL,
      agent_id BIGINT UNSIGNED NULL,
      assigned_at DATETIME(3) NOT NULL,
      unassigned_at DATETIME(3) NULL,
      assigned_by BIGINT UNSIGNED NULL,
      KEY ix_account_assignments_account (account_id, assigned_at),
      KEY ix_account_assignments_team (team_id, assigned_at),
      KEY ix_account_assignments_agent (agent_id, assigned_at),
      CONSTRAINT fk_account_assignments_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE disposition_sets (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(80) NOT NULL,
      created_at ${TS},
      UNIQUE KEY uq_disposition_sets_name (name)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE dispositions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      set_id BIGINT UNSIGNED NOT NULL,
      code VARCHAR(40) NOT NULL,
      label_es VARCHAR(80) NOT NULL,
      label_en VARCHAR(80) NOT NULL,
      category VARCHAR(16) NOT NULL,
      is_contact TINYINT(1) NOT NULL DEFAULT 0,
      is_rpc TINYINT(1) NOT NULL DEFAULT 0,
      is_promise TINYINT(1) NOT NULL DEFAULT 0,
      active TINYINT(1) NOT NULL DEFAULT 1,
      UNIQUE KEY uq_dispositions_set_code (set_id, code),
      CONSTRAINT fk_dispositions_set FOREIGN KEY (set_id) REFERENCES disposition_sets (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE campaigns (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      portfolio_id BIGINT UNSIGNED NOT NULL,
      name VARCHAR(120) NOT NULL,
      channel VARCHAR(10) NOT NULL,
      dial_mode VARCHAR(12) NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'draft',
      segment JSON NOT NULL,
      pacing JSON NOT NULL,
      schedule JSON NOT NULL,
      abandon_cap_bp INT NOT NULL DEFAULT 300,
      disposition_set_id BIGINT UNSIGNED NULL,
      script_version_id BIGINT UNSIGNED NULL,
      compliance_profile VARCHAR(10) NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      KEY ix_campaigns_status (status),
      CONSTRAINT fk_campaigns_portfolio FOREIGN KEY (portfolio_id) REFERENCES portfolios (id),
      CONSTRAINT fk_campaigns_disposition_set FOREIGN KEY (disposition_set_id) REFERENCES disposition_sets (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE campaign_teams (
      campaign_id BIGINT UNSIGNED NOT NULL,
      team_id BIGINT UNSIGNED NOT NULL,
      PRIMARY KEY (campaign_id, team_id),
      CONSTRAINT fk_campaign_teams_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
      CONSTRAINT fk_campaign_teams_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE interactions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      debtor_id BIGINT UNSIGNED NOT NULL,
      contact_point_id BIGINT UNSIGNED NULL,
      campaign_id BIGINT UNSIGNED NULL,
      agent_id BIGINT UNSIGNED NULL,
      team_id BIGINT UNSIGNED NULL,
      channel VARCHAR(10) NOT NULL,
      direction VARCHAR(10) NOT NULL,
      carrier_sid VARCHAR(64) NULL,
      outcome VARCHAR(12) NULL,
      disposition_id BIGINT UNSIGNED NULL,
      notes TEXT NULL,
      queued_at DATETIME(3) NULL,
      dialed_at DATETIME(3) NULL,
      answered_at DATETIME(3) NULL,
      connected_at DATETIME(3) NULL,
      ended_at DATETIME(3) NULL,
      talk_seconds INT NOT NULL DEFAULT 0,
      wrap_seconds INT NOT NULL DEFAULT 0,
      created_at ${TS},
      UNIQUE KEY uq_interactions_carrier_sid (carrier_sid),
      KEY ix_interactions_account_time (account_id, created_at),
      KEY ix_interactions_time (created_at),
      KEY ix_interactions_agent_time (agent_id, created_at),
      KEY ix_interactions_team_time (team_id, created_at),
      KEY ix_interactions_campaign_time (campaign_id, created_at),
      CONSTRAINT fk_interactions_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_interactions_disposition FOREIGN KEY (disposition_id) REFERENCES dispositions (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE agreements (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      agent_id BIGINT UNSIGNED NULL,
      team_id BIGINT UNSIGNED NULL,
      interaction_id BIGINT UNSIGNED NULL,
      status VARCHAR(20) NOT NULL,
      currency CHAR(3) NOT NULL,
      total_minor BIGINT NOT NULL,
      down_payment_minor BIGINT NOT NULL DEFAULT 0,
      waiver_minor BIGINT NOT NULL DEFAULT 0,
      installments_count INT NOT NULL,
      settles_in_full TINYINT(1) NOT NULL,
      approved_by BIGINT UNSIGNED NULL,
      approved_at DATETIME(3) NULL,
      created_at ${TS}, updated_at ${TS},
      KEY ix_agreements_account (account_id),
      KEY ix_agreements_team_time (team_id, created_at),
      KEY ix_agreements_agent_time (agent_id, created_at),
      KEY ix_agreements_status (status),
      CONSTRAINT fk_agreements_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE installments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      agreement_id BIGINT UNSIGNED NOT NULL,
      seq INT NOT NULL,
      due_date DATE NOT NULL,
      amount_minor BIGINT NOT NULL,
      paid_minor BIGINT NOT NULL DEFAULT 0,
      status VARCHAR(10) NOT NULL DEFAULT 'pending',
      paid_at DATETIME(3) NULL,
      UNIQUE KEY uq_installments_agreement_seq (agreement_id, seq),
      KEY ix_installments_due (due_date, status),
      CONSTRAINT fk_installments_agreement FOREIGN KEY (agreement_id) REFERENCES agreements (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE payments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      client_id BIGINT UNSIGNED NOT NULL,
      team_id BIGINT UNSIGNED NULL,
      agent_id BIGINT UNSIGNED NULL,
      amount_minor BIGINT NOT NULL,
      currency CHAR(3) NOT NULL,
      channel VARCHAR(16) NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'applied',
      reference VARCHAR(80) NOT NULL,
      paid_at DATETIME(3) NOT NULL,
      reversed_at DATETIME(3) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      UNIQUE KEY uq_payments_client_reference (client_id, reference),
      KEY ix_payments_time_team (paid_at, team_id),
      KEY ix_payments_account_time (account_id, paid_at),
      CONSTRAINT fk_payments_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE payment_allocations (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      payment_id BIGINT UNSIGNED NOT NULL,
      installment_id BIGINT UNSIGNED NULL,
      kind VARCHAR(12) NOT NULL,
      amount_minor BIGINT NOT NULL,
      KEY ix_payment_allocations_payment (payment_id),
      KEY ix_payment_allocations_installment (installment_id),
      CONSTRAINT fk_payment_allocations_payment FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE goals (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period_kind VARCHAR(8) NOT NULL,
      period_start DATE NOT NULL,
      scope VARCHAR(12) NOT NULL,
      scope_id BIGINT UNSIGNED NOT NULL,
      metric VARCHAR(16) NOT NULL,
      target BIGINT NOT NULL,
      currency CHAR(3) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_goals_period_scope_metric (period_kind, period_start, scope, scope_id, metric)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE callbacks (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      agent_id BIGINT UNSIGNED NULL,
      team_id BIGINT UNSIGNED NULL,
      due_at DATETIME(3) NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'scheduled',
      interaction_id BIGINT UNSIGNED NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      KEY ix_callbacks_status_due (status, due_at),
      KEY ix_callbacks_agent_due (agent_id, due_at),
      CONSTRAINT fk_callbacks_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE audit_events (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      actor_id BIGINT UNSIGNED NULL,
      actor_role VARCHAR(16) NULL,
      action VARCHAR(60) NOT NULL,
      entity_type VARCHAR(40) NOT NULL,
      entity_id VARCHAR(40) NULL,
      before_data JSON NULL,
      after_data JSON NULL,
      ip VARCHAR(45) NULL,
      at DATETIME(3) NOT NULL,
      KEY ix_audit_events_at (at),
      KEY ix_audit_events_entity (entity_type, entity_id),
      KEY ix_audit_events_actor (actor_id, at),
      KEY ix_audit_events_action (action, at)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE import_mappings (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      name VARCHAR(80) NOT NULL,
      mapping JSON NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_import_mappings_client_name (client_id, name),
      CONSTRAINT fk_import_mappings_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE imports (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      portfolio_id BIGINT UNSIGNED NOT NULL,
      mapping JSON NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      upload_id CHAR(36) NOT NULL,
      size_bytes BIGINT NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'queued',
      processed_rows INT NOT NULL DEFAULT 0,
      inserted INT NOT NULL DEFAULT 0,
      updated INT NOT NULL DEFAULT 0,
      unchanged INT NOT NULL DEFAULT 0,
      rejected INT NOT NULL DEFAULT 0,
      bytes_read BIGINT NOT NULL DEFAULT 0,
      error TEXT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      KEY ix_imports_created (created_at),
      CONSTRAINT fk_imports_portfolio FOREIGN KEY (portfolio_id) REFERENCES portfolios (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE import_rejects (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      import_id BIGINT UNSIGNED NOT NULL,
      line INT NOT NULL,
      column_name VARCHAR(120) NOT NULL,
      code VARCHAR(24) NOT NULL,
      params JSON NULL,
      KEY ix_import_rejects_import_line (import_id, line),
      CONSTRAINT fk_import_rejects_import FOREIGN KEY (import_id) REFERENCES imports (id) ON DELETE CASCADE
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE teams DROP FOREIGN KEY fk_teams_supervisor');
    for (const table of [
      'import_rejects',
      'imports',
      'import_mappings',
      'audit_events',
      'callbacks',
      'goals',
      'payment_allocations',
      'payments',
      'installments',
      'agreements',
      'interactions',
      'campaign_teams',
      'campaigns',
      'dispositions',
      'disposition_sets',
      'account_assignments',
      'accounts',
      'contact_points',
      'debtors',
      'refresh_tokens',
      'users',
      'teams',
      'portfolios',
      'clients',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
