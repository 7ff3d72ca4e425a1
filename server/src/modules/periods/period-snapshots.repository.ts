import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgingBucket, AgingGroup, PeriodFigures } from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

/** The receivable statuses (as the delinquency rollup counts them): what is still owed. */
const RECEIVABLE = "('active', 'in_agreement', 'legal')";

export interface ScopeName {
  id: string;
  name: string;
}

export interface PeriodDirectory {
  clients: ScopeName[];
  portfolios: (ScopeName & { clientId: string })[];
  teams: ScopeName[];
}

/**
 * The frozen figures of closed months (written once, never updated) and what taking them reads
 * besides the rollups: the scopes' names and the receivable balance by aging bucket.
 */
@Injectable()
export class PeriodSnapshotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(firstDay: string, figures: PeriodFigures, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO period_snapshots (month, figures, counted_at) VALUES (?, ?, ?)', [
      firstDay,
      JSON.stringify(figures),
      new Date(figures.countedAt),
    ]);
  }

  async find(firstDay: string): Promise<PeriodFigures | null> {
    const rows = (await this.dataSource.query('SELECT figures FROM period_snapshots WHERE month = ?', [
      firstDay,
    ])) as Raw[];
    if (!rows[0]) return null;
    const figures = rows[0]['figures'];
    // MariaDB's JSON is LONGTEXT and comes back as text; MySQL's comes back parsed.
    return (typeof figures === 'string' ? JSON.parse(figures) : figures) as PeriodFigures;
  }

  /** Months the rollups have figures for ('YYYY-MM'). */
  async knownMonths(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT month FROM metric_monthly UNION SELECT month FROM metric_months
        UNION SELECT month FROM closed_periods`,
    )) as Raw[];
    return rows.map((r) => String(r['month']).slice(0, 7));
  }

  async directory(): Promise<PeriodDirectory> {
    const [clients, portfolios, teams] = (await Promise.all([
      this.dataSource.query('SELECT id, name FROM clients ORDER BY name, id'),
      this.dataSource.query('SELECT id, name, client_id FROM portfolios ORDER BY name, id'),
      this.dataSource.query('SELECT id, name FROM teams ORDER BY name, id'),
    ])) as Raw[][];
    const named = (r: Raw) => ({ id: String(r['id']), name: String(r['name']) });
    return {
      clients: clients.map(named),
      portfolios: portfolios.map((r) => ({ ...named(r), clientId: String(r['client_id']) })),
      teams: teams.map(named),
    };
  }

  /** Receivable accounts by client, portfolio, team, currency and aging bucket, as they stand now. */
  async agingGroups(): Promise<AgingGroup[]> {
    const rows = (await this.dataSource.query(
      `SELECT client_id, portfolio_id, assigned_team_id, currency, aging_bucket, COUNT(*) AS accounts,
              SUM(balance_minor) AS total, SUM(IF(days_past_due > 0, balance_minor, 0)) AS overdue
         FROM accounts WHERE status IN ${RECEIVABLE}
        GROUP BY client_id, portfolio_id, assigned_team_id, currency, aging_bucket`,
    )) as Raw[];
    return rows.map((r) => ({
      clientId: String(r['client_id']),
      portfolioId: String(r['portfolio_id']),
      teamId: r['assigned_team_id'] === null ? null : String(r['assigned_team_id']),
      currency: String(r['currency']),
      bucket: String(r['aging_bucket']) as AgingBucket,
      accounts: Number(r['accounts']),
      balanceMinor: Number(r['total']),
      overdueMinor: Number(r['overdue']),
    }));
  }
}
