import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Call scripts (DESIGN.md §7): a script has numbered versions; the newest may be a draft, every
 * other one is published and never changes. Campaigns point at a published version; each call
 * keeps the version it was shown and the agent's path through it, and the adherence that path gave.
 */
export class CreateScripts1764400000000 implements MigrationInterface {
  name = 'CreateScripts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scripts (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(120) NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS}
    ) ${TABLE}`);
    await q.query(`CREATE TABLE script_versions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      script_id BIGINT UNSIGNED NOT NULL,
      version INT NOT NULL,
      status VARCHAR(10) NOT NULL,
      name VARCHAR(120) NOT NULL,
      language CHAR(2) NOT NULL,
      jurisdiction VARCHAR(10) NULL,
      start_step_id VARCHAR(60) NOT NULL,
      steps JSON NOT NULL,
      published_at DATETIME(3) NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      UNIQUE KEY uq_script_versions_script_version (script_id, version),
      CONSTRAINT fk_script_versions_script FOREIGN KEY (script_id) REFERENCES scripts (id) ON DELETE CASCADE
    ) ${TABLE}`);
    await q.query(`ALTER TABLE interactions
      ADD COLUMN script_version_id BIGINT UNSIGNED NULL AFTER disposition_id,
      ADD COLUMN script_path JSON NULL AFTER script_version_id,
      ADD COLUMN script_required_shown INT NULL AFTER script_path,
      ADD COLUMN script_required_completed INT NULL AFTER script_required_shown`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interactions
      DROP COLUMN script_required_completed,
      DROP COLUMN script_required_shown,
      DROP COLUMN script_path,
      DROP COLUMN script_version_id`);
    await q.query('DROP TABLE script_versions');
    await q.query('DROP TABLE scripts');
  }
}
