import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign management: the settings the foundation's JSON columns did not name. Ring timeout and the
 * answering-machine action get typed columns because the dialer reads them on every dial; retry rules
 * stay JSON (a short list read once per campaign); the lifecycle instants record when dialling began
 * and ended, which campaign metrics are measured against.
 */
export class ExtendCampaigns1764200000000 implements MigrationInterface {
  name = 'ExtendCampaigns1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns
      ADD COLUMN ring_timeout_seconds INT NOT NULL DEFAULT 25 AFTER abandon_cap_bp,
      ADD COLUMN machine_action VARCHAR(16) NOT NULL DEFAULT 'hang_up' AFTER ring_timeout_seconds,
      ADD COLUMN abandon_message VARCHAR(500) NOT NULL DEFAULT '' AFTER machine_action,
      ADD COLUMN retry_rules JSON NOT NULL DEFAULT '[]' AFTER abandon_message,
      ADD COLUMN started_at DATETIME(3) NULL AFTER created_by,
      ADD COLUMN finished_at DATETIME(3) NULL AFTER started_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns
      DROP COLUMN finished_at,
      DROP COLUMN started_at,
      DROP COLUMN retry_rules,
      DROP COLUMN abandon_message,
      DROP COLUMN machine_action,
      DROP COLUMN ring_timeout_seconds`);
  }
}
