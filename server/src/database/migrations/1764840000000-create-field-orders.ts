import type { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Utility operations (DESIGN.md §5.2): the utility's bills per account, the suspension rule of each
 * client capped by its jurisdiction's law, the service point's stratum and state, the crews' routes
 * and the suspension (corte) / reconnection orders they work.
 */
export class CreateFieldOrders1764840000000 implements MigrationInterface {
  name = 'CreateFieldOrders1764840000000';

  async up(q: QueryRunner): Promise<void> {
    // The law's cap on unpaid periods before a cut, per jurisdiction and billing period, and the
    // residential strata it spares the reconnection fee. Data, so a new country is a row.
    await q.query(`CREATE TABLE utility_jurisdiction_rules (
      jurisdiction CHAR(2) NOT NULL,
      billing_period VARCHAR(10) NOT NULL,
      max_unpaid_bills INT NOT NULL,
      protected_strata VARCHAR(20) NOT NULL DEFAULT '',
      legal_basis VARCHAR(200) NOT NULL,
      PRIMARY KEY (jurisdiction, billing_period)
    ) ${TABLE}`);
    await q.query(
      `INSERT INTO utility_jurisdiction_rules (jurisdiction, billing_period, max_unpaid_bills, protected_strata, legal_basis)
       VALUES ('CO', 'monthly', 3, '1,2', 'Ley 142 de 1994, art. 140: tres períodos de facturación mensual'),
              ('CO', 'bimonthly', 2, '1,2', 'Ley 142 de 1994, art. 140: dos períodos de facturación bimestral')`,
    );

    await q.query(`CREATE TABLE utility_client_rules (
      client_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      billing_period VARCHAR(10) NOT NULL,
      unpaid_bills_to_suspend INT NOT NULL,
      suspension_due_hours INT NOT NULL DEFAULT 72,
      reconnection_fee_minor BIGINT NOT NULL DEFAULT 0,
      protected_strata VARCHAR(20) NULL,
      updated_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      CONSTRAINT fk_utility_client_rules_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // Which bills are unpaid follows from the account's principal owed (oldest paid first), so
    // payments and reversals need no second ledger here.
    await q.query(`CREATE TABLE utility_bills (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id BIGINT UNSIGNED NOT NULL,
      period CHAR(7) CHARACTER SET ascii NOT NULL,
      amount_minor BIGINT NOT NULL,
      due_date DATE NOT NULL,
      created_at ${TS}, updated_at ${TS},
      UNIQUE KEY uq_utility_bills_account_period (account_id, period),
      CONSTRAINT fk_utility_bills_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    await q.query(`CREATE TABLE utility_services (
      account_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      stratum TINYINT UNSIGNED NULL,
      service_state VARCHAR(10) NOT NULL DEFAULT 'connected',
      state_changed_at DATETIME(3) NULL,
      updated_at ${TS},
      KEY ix_utility_services_state (service_state),
      CONSTRAINT fk_utility_services_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // One crew per route of a client: new orders on the route go straight to it.
    await q.query(`CREATE TABLE field_crew_routes (
      client_id BIGINT UNSIGNED NOT NULL,
      route VARCHAR(120) NOT NULL,
      crew_id BIGINT UNSIGNED NOT NULL,
      created_by BIGINT UNSIGNED NULL,
      created_at ${TS},
      PRIMARY KEY (client_id, route),
      KEY ix_field_crew_routes_crew (crew_id),
      CONSTRAINT fk_field_crew_routes_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
      CONSTRAINT fk_field_crew_routes_crew FOREIGN KEY (crew_id) REFERENCES users (id) ON DELETE CASCADE
    ) ${TABLE}`);

    // open_flag is 1 while the order is open and NULL after: the unique key then allows any number
    // of closed orders but never two open ones of a kind for an account, whoever inserts them.
    await q.query(`CREATE TABLE field_orders (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id BIGINT UNSIGNED NOT NULL,
      account_id BIGINT UNSIGNED NOT NULL,
      kind VARCHAR(12) NOT NULL,
      state VARCHAR(10) NOT NULL,
      cause VARCHAR(24) NOT NULL,
      cause_ref VARCHAR(40) NULL,
      route VARCHAR(120) NULL,
      crew_id BIGINT UNSIGNED NULL,
      unpaid_bills INT NOT NULL DEFAULT 0,
      fee_minor BIGINT NOT NULL DEFAULT 0,
      currency CHAR(3) NOT NULL,
      due_at DATETIME(3) NOT NULL,
      assigned_at DATETIME(3) NULL,
      assigned_by BIGINT UNSIGNED NULL,
      executed_at DATETIME(3) NULL,
      closed_at DATETIME(3) NULL,
      close_reason VARCHAR(24) NULL,
      notes VARCHAR(500) NULL,
      reported_by BIGINT UNSIGNED NULL,
      created_at ${TS}, updated_at ${TS},
      open_flag TINYINT AS (IF(state IN ('pending', 'assigned'), 1, NULL)) STORED,
      UNIQUE KEY uq_field_orders_open (account_id, kind, open_flag),
      KEY ix_field_orders_state_due (state, due_at),
      KEY ix_field_orders_crew (crew_id, state),
      KEY ix_field_orders_route (client_id, route, state),
      CONSTRAINT fk_field_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_field_orders_crew FOREIGN KEY (crew_id) REFERENCES users (id) ON DELETE SET NULL
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE field_orders');
    await q.query('DROP TABLE field_crew_routes');
    await q.query('DROP TABLE utility_services');
    await q.query('DROP TABLE utility_bills');
    await q.query('DROP TABLE utility_client_rules');
    await q.query('DROP TABLE utility_jurisdiction_rules');
  }
}
