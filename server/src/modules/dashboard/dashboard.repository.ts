import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgingBucket } from '@recupera/shared';
import { DataSource } from 'typeorm';

export interface ClientTotals {
  clientId: string;
  code: string;
  name: string;
  currency: string;
  accounts: number;
  balanceMinor: number;
}

export interface TeamGoalRow {
  teamId: string;
  teamName: string;
  supervisorName: string | null;
  goalMinor: number | null;
  goalCurrency: string | null;
}

export interface AgingTotals {
  bucket: AgingBucket;
  currency: string;
  accounts: number;
  balanceMinor: number;
}

type Raw = Record<string, string | number | null>;

@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async clientTotals(): Promise<ClientTotals[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.code, c.name, c.currency, COUNT(a.id) AS accounts, COALESCE(SUM(a.balance_minor), 0) AS balance
         FROM clients c LEFT JOIN accounts a ON a.client_id = c.id
        GROUP BY c.id, c.code, c.name, c.currency ORDER BY c.name`,
    )) as Raw[];
    return rows.map((r) => ({
      clientId: String(r['id']),
      code: String(r['code']),
      name: String(r['name']),
      currency: String(r['currency']),
      accounts: Number(r['accounts']),
      balanceMinor: Number(r['balance']),
    }));
  }

  /** Applied payments in [from, to), by client. */
  async recoveredByClient(from: Date, to: Date): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query(
      `SELECT client_id, SUM(amount_minor) AS amount FROM payments
        WHERE status = 'applied' AND paid_at >= ? AND paid_at < ? GROUP BY client_id`,
      [from, to],
    )) as Raw[];
    return new Map(rows.map((r) => [String(r['client_id']), Number(r['amount'])]));
  }

  /** Applied payments in [from, to), by the team the account was assigned to on the payment date. */
  async recoveredByTeam(
    from: Date,
    to: Date,
  ): Promise<Map<string, { currency: string; amountMinor: number }[]>> {
    const rows = (await this.dataSource.query(
      `SELECT team_id, currency, SUM(amount_minor) AS amount FROM payments
        WHERE status = 'applied' AND paid_at >= ? AND paid_at < ? AND team_id IS NOT NULL GROUP BY team_id, currency`,
      [from, to],
    )) as Raw[];
    const byTeam = new Map<string, { currency: string; amountMinor: number }[]>();
    for (const r of rows) {
      const key = String(r['team_id']);
      byTeam.set(key, [
        ...(byTeam.get(key) ?? []),
        { currency: String(r['currency']), amountMinor: Number(r['amount']) },
      ]);
    }
    return byTeam;
  }

  async teamGoals(periodStart: string): Promise<TeamGoalRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.name, s.full_name AS supervisor_name, g.target, g.currency
         FROM teams t
         LEFT JOIN users s ON s.id = t.supervisor_id
         LEFT JOIN goals g ON g.scope = 'team' AND g.scope_id = t.id AND g.metric = 'recovered'
                          AND g.period_kind = 'month' AND g.period_start = ?
        ORDER BY t.name`,
      [periodStart],
    )) as Raw[];
    return rows.map((r) => ({
      teamId: String(r['id']),
      teamName: String(r['name']),
      supervisorName: r['supervisor_name'] === null ? null : String(r['supervisor_name']),
      goalMinor: r['target'] === null ? null : Number(r['target']),
      goalCurrency: r['currency'] === null ? null : String(r['currency']),
    }));
  }

  async aging(): Promise<AgingTotals[]> {
    const rows = (await this.dataSource.query(
      `SELECT aging_bucket, currency, COUNT(*) AS accounts, SUM(balance_minor) AS balance
         FROM accounts WHERE balance_minor > 0 GROUP BY aging_bucket, currency`,
    )) as Raw[];
    return rows.map((r) => ({
      bucket: String(r['aging_bucket']) as AgingBucket,
      currency: String(r['currency']),
      accounts: Number(r['accounts']),
      balanceMinor: Number(r['balance']),
    }));
  }
}
