import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sending what omnichannel recorded: a payment reminder keeps why it was blocked or failed and the
 * message it became; a supervisor's message campaign stays on their teams' accounts; a campaign's
 * sends are paged by outcome.
 */
export class ExtendMessageSends1764920000000 implements MigrationInterface {
  name = 'ExtendMessageSends1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message_reminders
      ADD COLUMN channel VARCHAR(10) NULL,
      ADD COLUMN reason VARCHAR(40) NULL,
      ADD COLUMN message_id BIGINT UNSIGNED NULL,
      ADD COLUMN attempts INT NOT NULL DEFAULT 0,
      ADD COLUMN attempted_at DATETIME(3) NULL`);
    // NULL: every account of the portfolio (a manager's or an admin's campaign).
    await q.query('ALTER TABLE message_campaigns ADD COLUMN team_ids JSON NULL');
    await q.query(
      'ALTER TABLE message_campaign_sends ADD KEY ix_message_campaign_sends_outcome (campaign_id, outcome, at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE message_campaign_sends DROP KEY ix_message_campaign_sends_outcome');
    await q.query('ALTER TABLE message_campaigns DROP COLUMN team_ids');
    await q.query(`ALTER TABLE message_reminders
      DROP COLUMN channel, DROP COLUMN reason, DROP COLUMN message_id, DROP COLUMN attempts, DROP COLUMN attempted_at`);
  }
}
