import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The live dialer: each call's stage, the number dialled and how it ended are kept on its
 * interaction (the compliance gate and the metrics read them there), and every agent state change
 * is stored so logged, talk, wrap, idle and break time can be measured.
 */
export class CreateDialer1764300000000 implements MigrationInterface {
  name = 'CreateDialer1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interactions
      ADD COLUMN phone VARCHAR(20) NULL AFTER contact_point_id,
      ADD COLUMN stage VARCHAR(12) NULL AFTER outcome,
      ADD COLUMN end_reason VARCHAR(12) NULL AFTER stage,
      ADD COLUMN ringing_at DATETIME(3) NULL AFTER dialed_at`);
    await q.query(`CREATE TABLE agent_state_changes (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      agent_id BIGINT UNSIGNED NOT NULL,
      team_id BIGINT UNSIGNED NULL,
      state VARCHAR(10) NOT NULL,
      break_reason VARCHAR(12) NULL,
      interaction_id BIGINT UNSIGNED NULL,
      campaign_id BIGINT UNSIGNED NULL,
      at DATETIME(3) NOT NULL,
      KEY ix_agent_state_changes_agent_at (agent_id, at),
      KEY ix_agent_state_changes_team_at (team_id, at)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agent_state_changes');
    await q.query(`ALTER TABLE interactions
      DROP COLUMN ringing_at,
      DROP COLUMN end_reason,
      DROP COLUMN stage,
      DROP COLUMN phone`);
  }
}
