import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BillingPeriod,
  FieldCrewResponse,
  Jurisdiction,
  JurisdictionSuspensionRule,
  SetUtilityRulesRequest,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

/** Strata are stored as '1,2'; NULL (for a client) means "the jurisdiction's". */
export function parseStrata(value: unknown): number[] | null {
  if (value === null || value === undefined) return null;
  return String(value)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
}

export function formatStrata(strata: readonly number[] | null | undefined): string | null {
  return strata === null || strata === undefined
    ? null
    : [...new Set(strata)].sort((a, b) => a - b).join(',');
}

export interface StoredUtilityRules extends SetUtilityRulesRequest {
  clientId: string;
  protectedStrata: number[] | null;
  updatedAt: Date;
}

/** Clients' utility rules, the jurisdictions' caps and the crews' routes. */
@Injectable()
export class UtilityRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async client(clientId: string): Promise<{ id: string; currency: string } | null> {
    const [row] = (await this.dataSource.query('SELECT id, currency FROM clients WHERE id = ?', [
      clientId,
    ])) as Raw[];
    return row ? { id: String(row['id']), currency: String(row['currency']) } : null;
  }

  async rules(
    clientId: string,
    executor: Pick<Tx, 'query'> = this.dataSource,
  ): Promise<StoredUtilityRules | null> {
    const [row] = (await executor.query(
      `SELECT client_id, billing_period, unpaid_bills_to_suspend, suspension_due_hours, reconnection_fee_minor,
              protected_strata, updated_at FROM utility_client_rules WHERE client_id = ?`,
      [clientId],
    )) as Raw[];
    if (!row) return null;
    return {
      clientId: String(row['client_id']),
      billingPeriod: row['billing_period'] as BillingPeriod,
      unpaidBillsToSuspend: Number(row['unpaid_bills_to_suspend']),
      suspensionDueHours: Number(row['suspension_due_hours']),
      reconnectionFeeMinor: Number(row['reconnection_fee_minor']),
      protectedStrata: parseStrata(row['protected_strata']),
      updatedAt: row['updated_at'] as Date,
    };
  }

  async saveRules(tx: Tx, clientId: string, rules: SetUtilityRulesRequest, by: string): Promise<void> {
    await tx.query(
      `INSERT INTO utility_client_rules (client_id, billing_period, unpaid_bills_to_suspend, suspension_due_hours,
          reconnection_fee_minor, protected_strata, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE billing_period = VALUES(billing_period),
         unpaid_bills_to_suspend = VALUES(unpaid_bills_to_suspend), suspension_due_hours = VALUES(suspension_due_hours),
         reconnection_fee_minor = VALUES(reconnection_fee_minor), protected_strata = VALUES(protected_strata),
         updated_by = VALUES(updated_by), updated_at = UTC_TIMESTAMP(3)`,
      [
        clientId,
        rules.billingPeriod,
        rules.unpaidBillsToSuspend,
        rules.suspensionDueHours,
        rules.reconnectionFeeMinor,
        formatStrata(rules.protectedStrata),
        by,
      ],
    );
  }

  /** The law's rules for the jurisdictions of the client's utility portfolios and a billing period. */
  async jurisdictionRules(
    clientId: string,
    billingPeriod: BillingPeriod,
  ): Promise<JurisdictionSuspensionRule[]> {
    const rows = (await this.dataSource.query(
      `SELECT j.jurisdiction, j.billing_period, j.max_unpaid_bills, j.protected_strata, j.legal_basis
         FROM utility_jurisdiction_rules j
        WHERE j.billing_period = ? AND j.jurisdiction IN (
          SELECT DISTINCT p.jurisdiction FROM portfolios p WHERE p.client_id = ? AND p.industry = 'utility')
        ORDER BY j.jurisdiction`,
      [billingPeriod, clientId],
    )) as Raw[];
    return rows.map((r) => ({
      jurisdiction: r['jurisdiction'] as Jurisdiction,
      billingPeriod: r['billing_period'] as BillingPeriod,
      maxUnpaidBills: Number(r['max_unpaid_bills']),
      protectedStrata: parseStrata(r['protected_strata']) ?? [],
      legalBasis: String(r['legal_basis']),
    }));
  }

  /** Field users, with the routes they cover. */
  async crews(): Promise<FieldCrewResponse[]> {
    const users = (await this.dataSource.query(
      "SELECT id, full_name, email, active FROM users WHERE role = 'field' ORDER BY full_name, id",
    )) as Raw[];
    const routes = (await this.dataSource.query(
      'SELECT crew_id, client_id, route FROM field_crew_routes ORDER BY client_id, route',
    )) as Raw[];
    return users.map((u) => ({
      id: String(u['id']),
      fullName: String(u['full_name']),
      email: String(u['email']),
      active: Number(u['active']) === 1,
      routes: routes
        .filter((r) => String(r['crew_id']) === String(u['id']))
        .map((r) => ({ clientId: String(r['client_id']), route: String(r['route']) })),
    }));
  }

  /** An active field user, the only kind of user orders go to. */
  async isActiveCrew(userId: string, executor: Pick<Tx, 'query'> = this.dataSource): Promise<boolean> {
    const rows = (await executor.query(
      "SELECT id FROM users WHERE id = ? AND role = 'field' AND active = 1",
      [userId],
    )) as Raw[];
    return rows.length > 0;
  }

  async crewRoutes(tx: Tx, crewId: string, clientId: string): Promise<string[]> {
    const rows = (await tx.query(
      'SELECT route FROM field_crew_routes WHERE crew_id = ? AND client_id = ? ORDER BY route FOR UPDATE',
      [crewId, clientId],
    )) as Raw[];
    return rows.map((r) => String(r['route']));
  }

  /** Gives the crew exactly these routes of the client, taking them from whichever crew had them. */
  async setCrewRoutes(
    tx: Tx,
    crewId: string,
    clientId: string,
    routes: readonly string[],
    by: string,
  ): Promise<void> {
    await tx.query('DELETE FROM field_crew_routes WHERE crew_id = ? AND client_id = ?', [crewId, clientId]);
    if (routes.length === 0) return;
    await tx.query(
      `INSERT INTO field_crew_routes (client_id, route, crew_id, created_by) VALUES ?
       ON DUPLICATE KEY UPDATE crew_id = VALUES(crew_id), created_by = VALUES(created_by)`,
      [routes.map((route) => [clientId, route, crewId, by])],
    );
  }
}
