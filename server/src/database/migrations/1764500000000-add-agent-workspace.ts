import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agent workspace's last pieces: a wrap-up time limit per campaign (and what happens past it),
 * and, on each interaction, who took a call the agent transferred (a supervisor of the team); an
 * end reason long enough to say why a previewed account was skipped.
 */
export class AddAgentWorkspace1764500000000 implements MigrationInterface {
  name = 'AddAgentWorkspace1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns
      ADD COLUMN wrap_up_limit_seconds INT NULL DEFAULT 120 AFTER abandon_message,
      ADD COLUMN wrap_up_overrun VARCHAR(16) NOT NULL DEFAULT 'alert' AFTER wrap_up_limit_seconds`);
    await q.query(`ALTER TABLE interactions
      ADD COLUMN transferred_to BIGINT UNSIGNED NULL,
      ADD COLUMN transferred_at DATETIME(3) NULL,
      MODIFY COLUMN end_reason VARCHAR(24) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interactions DROP COLUMN transferred_at, DROP COLUMN transferred_to,
      MODIFY COLUMN end_reason VARCHAR(12) NULL`);
    await q.query(`ALTER TABLE campaigns DROP COLUMN wrap_up_overrun, DROP COLUMN wrap_up_limit_seconds`);
  }
}
