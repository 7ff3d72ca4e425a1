import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Omnichannel: conversations (web chat, SMS, WhatsApp) and their messages, consent per channel of a
 * contact point (an SMS "BAJA" does not silence the calls), message templates and outbound message
 * campaigns, the debtor's widget sessions, canned responses, and chat capacity per team and skills
 * per agent. A conversation about a known account stands in the timeline as an interaction.
 */
export class CreateOmnichannel1764900000000 implements MigrationInterface {
  name = 'CreateOmnichannel1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE widget_sessions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      debtor_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      challenge_id CHAR(32) CHARACTER SET ascii NOT NULL,
      code_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      code_expires_at DATETIME(3) NOT NULL,
      attempts INT NOT NULL DEFAULT 0,
      sent_to VARCHAR(40) NOT NULL,
      token_hash CHAR(64) CHARACTER SET ascii NULL,
      verified_at DATETIME(3) NULL,
      expires_at DATETIME(3) NULL,
      ended_at DATETIME(3) NULL,
      created_at ${TS},
      UNIQUE KEY uq_widget_sessions_challenge (challenge_id),
      UNIQUE KEY uq_widget_sessions_token (token_hash),
      KEY ix_widget_sessions_debtor (debtor_id, created_at),
      CONSTRAINT fk_widget_sessions_client FOREIGN KEY (client_id) REFERENCES clients (id),
      CONSTRAINT fk_widget_sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE conversations (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      channel VARCHAR(10) NOT NULL,
      status VARCHAR(10) NOT NULL,
      queue VARCHAR(16) NOT NULL,
      address VARCHAR(190) NOT NULL,
      client_id BIGINT UNSIGNED NULL,
      team_id BIGINT UNSIGNED NULL,
      account_id BIGINT UNSIGNED NULL,
      debtor_id BIGINT UNSIGNED NULL,
      contact_point_id BIGINT UNSIGNED NULL,
      widget_session_id BIGINT UNSIGNED NULL,
      agent_id BIGINT UNSIGNED NULL,
      interaction_id BIGINT UNSIGNED NULL,
      opened_at DATETIME(3) NOT NULL,
      queued_at DATETIME(3) NULL,
      assigned_at DATETIME(3) NULL,
      first_response_at DATETIME(3) NULL,
      closed_at DATETIME(3) NULL,
      close_reason VARCHAR(16) NULL,
      last_message_at DATETIME(3) NULL,
      last_inbound_at DATETIME(3) NULL,
      created_at ${TS},
      KEY ix_conversations_waiting (status, team_id, queue, queued_at),
      KEY ix_conversations_address (channel, address, status),
      KEY ix_conversations_agent (agent_id, status),
      KEY ix_conversations_account (account_id, opened_at),
      KEY ix_conversations_session (widget_session_id),
      UNIQUE KEY uq_conversations_interaction (interaction_id)
    ) ${TABLE}`);

    // carrier_sid is unique: a carrier that delivers the same inbound message twice stores it once.
    await q.query(`CREATE TABLE messages (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      conversation_id BIGINT UNSIGNED NOT NULL,
      direction VARCHAR(10) NOT NULL,
      author VARCHAR(8) NOT NULL,
      agent_id BIGINT UNSIGNED NULL,
      body TEXT NOT NULL,
      media JSON NULL,
      status VARCHAR(12) NOT NULL,
      carrier_sid VARCHAR(64) CHARACTER SET ascii NULL,
      client_ref VARCHAR(64) NULL,
      template_id BIGINT UNSIGNED NULL,
      message_campaign_id BIGINT UNSIGNED NULL,
      error_code VARCHAR(16) NULL,
      created_at ${TS},
      status_at DATETIME(3) NULL,
      UNIQUE KEY uq_messages_carrier_sid (carrier_sid),
      KEY ix_messages_conversation (conversation_id, id),
      CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE contact_point_consents (
      contact_point_id BIGINT UNSIGNED NOT NULL,
      channel VARCHAR(10) NOT NULL,
      status VARCHAR(10) NOT NULL,
      keyword VARCHAR(16) NULL,
      message_id BIGINT UNSIGNED NULL,
      changed_by BIGINT UNSIGNED NULL,
      changed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (contact_point_id, channel),
      CONSTRAINT fk_contact_point_consents_point FOREIGN KEY (contact_point_id) REFERENCES contact_points (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE message_templates (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NULL,
      name VARCHAR(80) NOT NULL,
      channel VARCHAR(10) NOT NULL,
      purpose VARCHAR(24) NOT NULL,
      language VARCHAR(8) NOT NULL DEFAULT 'es',
      body TEXT NOT NULL,
      whatsapp_content_sid VARCHAR(40) NULL,
      active BOOLEAN NOT NULL DEFAULT TRUE,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      KEY ix_message_templates_purpose (purpose, channel, active),
      CONSTRAINT fk_message_templates_client FOREIGN KEY (client_id) REFERENCES clients (id)
    ) ${TABLE}`);

    await q.query(`CREATE TABLE message_campaigns (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(120) NOT NULL,
      template_id BIGINT UNSIGNED NOT NULL,
      channel VARCHAR(10) NOT NULL,
      portfolio_id BIGINT UNSIGNED NOT NULL,
      audience JSON NOT NULL,
      status VARCHAR(10) NOT NULL DEFAULT 'draft',
      selected INT NOT NULL DEFAULT 0,
      sent INT NOT NULL DEFAULT 0,
      blocked INT NOT NULL DEFAULT 0,
      failed INT NOT NULL DEFAULT 0,
      delivered INT NOT NULL DEFAULT 0,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      CONSTRAINT fk_message_campaigns_template FOREIGN KEY (template_id) REFERENCES message_templates (id),
      CONSTRAINT fk_message_campaigns_portfolio FOREIGN KEY (portfolio_id) REFERENCES portfolios (id)
    ) ${TABLE}`);

    // One row per account a campaign wrote to (or was refused for): a resumed run skips them.
    await q.query(`CREATE TABLE message_campaign_sends (
      campaign_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      contact_point_id BIGINT UNSIGNED NULL,
      address VARCHAR(40) NULL,
      outcome VARCHAR(8) NOT NULL,
      reason VARCHAR(40) NULL,
      message_id BIGINT UNSIGNED NULL,
      at DATETIME(3) NOT NULL,
      PRIMARY KEY (campaign_id, account_id),
      CONSTRAINT fk_message_campaign_sends_campaign FOREIGN KEY (campaign_id) REFERENCES message_campaigns (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE canned_responses (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NULL,
      title VARCHAR(80) NOT NULL,
      body TEXT NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      CONSTRAINT fk_canned_responses_client FOREIGN KEY (client_id) REFERENCES clients (id)
    ) ${TABLE}`);

    await q.query(`ALTER TABLE teams
      ADD COLUMN chat_max_chats INT NOT NULL DEFAULT 3,
      ADD COLUMN chat_max_chats_for_call INT NOT NULL DEFAULT 1`);
    // NULL: every chat queue.
    await q.query(`ALTER TABLE users ADD COLUMN chat_skills JSON NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN chat_skills');
    await q.query('ALTER TABLE teams DROP COLUMN chat_max_chats, DROP COLUMN chat_max_chats_for_call');
    for (const table of [
      'canned_responses',
      'message_campaign_sends',
      'message_campaigns',
      'message_templates',
      'contact_point_consents',
      'messages',
      'conversations',
      'widget_sessions',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
