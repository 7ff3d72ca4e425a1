import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DelinquencyDimension,
  DrillAccount,
  DrillMeasure,
  MetricScope,
  SweepRow,
} from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** Which slice of the daily cube a figure sums: a range of days, one currency, optional filters. */
export interface CubeFilter {
  firstDay: string;
  endDay: string;
  currency: string;
  clientId?: string;
  portfolioId?: string;
  /** null: every team; otherwise only these (a supervisor's own). */
  teamIds: string[] | null;
}

export interface CubeSums {
  key: string;
  attempts: number;
  humanAnswered: number;
  rightParty: number;
  agreements: number;
  promisedMinor: number;
  payments: number;
  recoveredMinor: number;
  talkSeconds: number;
  installmentsDue: number;
  installmentsKept: number;
}

export interface TeamRow {
  teamId: string;
  teamName: string;
  supervisorId: string | null;
  supervisorName: string | null;
}

export interface GoalTarget {
  scopeId: string;
  targetMinor: number;
  currency: string | null;
}

const CUBE_KEYS = { team: 'team_id', agent: 'agent_id', day: 'day', all: "'all'" } as const;

/**
 * Whole months (every dashboard range but the daily trend) are read from `metric_monthly`: a year to
 * date is then a dozen months' rows, not every day's.
 */
function cubeFor(filter: Pick<CubeFilter, 'firstDay' | 'endDay'>, by: keyof typeof CUBE_KEYS | null) {
  const wholeMonths = filter.firstDay.endsWith('-01') && filter.endDay.endsWith('-01');
  return by !== 'day' && wholeMonths
    ? ({ table: 'metric_monthly', period: 'month' } as const)
    : ({ table: 'metric_daily', period: 'day' } as const);
}

function where(
  filter: Omit<CubeFilter, 'currency'> & { currency?: string },
  period: 'day' | 'month',
): {
  sql: string;
  params: unknown[];
} {
  const clauses = [`${period} >= ?`, `${period} < ?`];
  const params: unknown[] = [filter.firstDay, filter.endDay];
  if (filter.currency) {
    clauses.push('currency = ?');
    params.push(filter.currency);
  }
  if (filter.clientId) {
    clauses.push('client_id = ?');
    params.push(filter.clientId);
  }
  if (filter.portfolioId) {
    clauses.push('portfolio_id = ?');
    params.push(filter.portfolioId);
  }
  if (filter.teamIds) {
    clauses.push(filter.teamIds.length > 0 ? 'team_id IN (?)' : '1 = 0');
    if (filter.teamIds.length > 0) params.push(filter.teamIds);
  }
  return { sql: clauses.join(' AND '), params };
}

/** The dashboards' reads: sums over the rollup tables, never over raw history. */
@Injectable()
export class RecoveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sums(filter: CubeFilter, by: keyof typeof CUBE_KEYS): Promise<CubeSums[]> {
    const cube = cubeFor(filter, by);
    const w = where(filter, cube.period);
    const key = CUBE_KEYS[by];
    const rows = (await this.dataSource.query(
      `SELECT ${key} AS k, SUM(attempts) AS attempts, SUM(human_answered) AS human, SUM(right_party) AS rpc,
              SUM(agreements) AS agreements, SUM(promised_minor) AS promised, SUM(payments) AS payments,
              SUM(recovered_minor) AS recovered, SUM(talk_seconds) AS talk, SUM(installments_due) AS due,
              SUM(installments_kept) AS kept
         FROM ${cube.table} WHERE ${w.sql} GROUP BY k`,
      w.params,
    )) as Raw[];
    return rows.map((r) => ({
      key: String(r['k']).slice(0, 10),
      attempts: Number(r['attempts']),
      humanAnswered: Number(r['human']),
      rightParty: Number(r['rpc']),
      agreements: Number(r['agreements']),
      promisedMinor: Number(r['promised']),
      payments: Number(r['payments']),
      recoveredMinor: Number(r['recovered']),
      talkSeconds: Number(r['talk']),
      installmentsDue: Number(r['due']),
      installmentsKept: Number(r['kept']),
    }));
  }

  /** Currencies with figures in the slice (ignoring the slice's own currency), most money first. */
  async currencies(filter: Omit<CubeFilter, 'currency'>): Promise<string[]> {
    const cube = cubeFor(filter, null);
    const w = where(filter, cube.period);
    const rows = (await this.dataSource.query(
      `SELECT currency FROM ${cube.table} WHERE ${w.sql}
        GROUP BY currency ORDER BY SUM(recovered_minor + promised_minor) DESC, currency`,
      w.params,
    )) as Raw[];
    return rows.map((r) => String(r['currency']));
  }

  async clientCurrency(clientId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT currency FROM clients WHERE id = ?', [
      clientId,
    ])) as Raw[];
    return rows[0] ? String(rows[0]['currency']) : null;
  }

  async portfolioCurrency(portfolioId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT currency FROM portfolios WHERE id = ?', [
      portfolioId,
    ])) as Raw[];
    return rows[0] ? String(rows[0]['currency']) : null;
  }

  async teams(teamIds: string[] | null): Promise<TeamRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.name, t.supervisor_id, u.full_name FROM teams t LEFT JOIN users u ON u.id = t.supervisor_id
        ${teamIds ? (teamIds.length > 0 ? 'WHERE t.id IN (?)' : 'WHERE 1 = 0') : ''} ORDER BY t.name`,
      teamIds && teamIds.length > 0 ? [teamIds] : [],
    )) as Raw[];
    return rows.map((r) => ({
      teamId: String(r['id']),
      teamName: String(r['name']),
      supervisorId: r['supervisor_id'] === null ? null : String(r['supervisor_id']),
      supervisorName: r['full_name'] === null ? null : String(r['full_name']),
    }));
  }

  async agentNames(
    agentIds: readonly string[],
  ): Promise<Map<string, { name: string; teamName: string | null }>> {
    if (agentIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.full_name, t.name AS team FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id IN (?)`,
      [agentIds],
    )) as Raw[];
    return new Map(
      rows.map((r) => [
        String(r['id']),
        { name: String(r['full_name']), teamName: r['team'] === null ? null : String(r['team']) },
      ]),
    );
  }

  /** Recovery goals of a period ('month' or 'year' starting at `periodStart`) for a scope. */
  async goals(periodKind: 'month' | 'year', periodStart: string, scope: MetricScope): Promise<GoalTarget[]> {
    const rows = (await this.dataSource.query(
      `SELECT scope_id, target, currency FROM goals
        WHERE period_kind = ? AND period_start = ? AND scope = ? AND metric = 'recovered'`,
      [periodKind, periodStart, scope],
    )) as Raw[];
    return rows.map((r) => ({
      scopeId: String(r['scope_id']),
      targetMinor: Number(r['target']),
      currency: r['currency'] === null ? null : String(r['currency']),
    }));
  }

  /** Sweep rows of a month for portfolios, teams or agents, with their names. */
  async sweep(
    month: string,
    scope: 'portfolio' | 'team' | 'agent',
    filter: { clientId?: string; portfolioId?: string; teamIds: string[] | null },
  ): Promise<Omit<SweepRow, 'sweepRate' | 'contactedSweepRate'>[]> {
    const join = {
      portfolio: 'JOIN portfolios n ON n.id = s.scope_id',
      team: 'JOIN teams n ON n.id = s.scope_id',
      agent: 'JOIN users n ON n.id = s.scope_id',
    }[scope];
    const name = scope === 'agent' ? 'n.full_name' : 'n.name';
    const clauses = ['s.month = ?', 's.scope = ?'];
    const params: unknown[] = [month, scope];
    if (scope === 'portfolio' && filter.clientId) {
      clauses.push('n.client_id = ?');
      params.push(filter.clientId);
    }
    if (scope === 'portfolio' && filter.portfolioId) {
      clauses.push('n.id = ?');
      params.push(filter.portfolioId);
    }
    if (scope !== 'portfolio' && filter.teamIds) {
      clauses.push(
        filter.teamIds.length === 0 ? '1 = 0' : scope === 'team' ? 'n.id IN (?)' : 'n.team_id IN (?)',
      );
      if (filter.teamIds.length > 0) params.push(filter.teamIds);
    }
    const rows = (await this.dataSource.query(
      `SELECT s.scope_id, ${name} AS name, s.assigned, s.attempted, s.right_party
         FROM metric_sweep s ${join} WHERE ${clauses.join(' AND ')} ORDER BY name`,
      params,
    )) as Raw[];
    return rows.map((r) => ({
      scope,
      scopeId: String(r['scope_id']),
      name: String(r['name']),
      assigned: Number(r['assigned']),
      attempted: Number(r['attempted']),
      rightParty: Number(r['right_party']),
    }));
  }

  /** Currencies the filtered portfolios are owed in, largest balance first. */
  async delinquencyCurrencies(filter: { clientId?: string; portfolioId?: string }): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.currency FROM metric_delinquency d JOIN portfolios p ON p.id = d.portfolio_id
        WHERE d.dimension = 'aging' ${filter.clientId ? 'AND p.client_id = ?' : ''} ${filter.portfolioId ? 'AND p.id = ?' : ''}
        GROUP BY d.currency ORDER BY SUM(d.total_minor) DESC, d.currency`,
      [filter.clientId, filter.portfolioId].filter((v) => v !== undefined),
    )) as Raw[];
    return rows.map((r) => String(r['currency']));
  }

  async delinquency(
    by: DelinquencyDimension,
    filter: { clientId?: string; portfolioId?: string; currency: string },
  ): Promise<{
    rows: { key: string; accounts: number; total: number; overdue: number }[];
    countedAt: Date | null;
  }> {
    const clauses = ['d.dimension = ?', 'd.currency = ?'];
    const params: unknown[] = [by, filter.currency];
    if (filter.portfolioId) {
      clauses.push('d.portfolio_id = ?');
      params.push(filter.portfolioId);
    }
    if (filter.clientId) {
      clauses.push('p.client_id = ?');
      params.push(filter.clientId);
    }
    const rows = (await this.dataSource.query(
      `SELECT d.group_key, SUM(d.accounts) AS accounts, SUM(d.total_minor) AS total, SUM(d.overdue_minor) AS overdue,
              MIN(d.counted_at) AS counted_at
         FROM metric_delinquency d JOIN portfolios p ON p.id = d.portfolio_id
        WHERE ${clauses.join(' AND ')} GROUP BY d.group_key ORDER BY d.group_key`,
      params,
    )) as Raw[];
    return {
      rows: rows.map((r) => ({
        key: String(r['group_key']),
        accounts: Number(r['accounts']),
        total: Number(r['total']),
        overdue: Number(r['overdue']),
      })),
      countedAt: rows.length > 0 ? (rows[0]['counted_at'] as Date) : null,
    };
  }

  async client(clientId: string): Promise<{ name: string; code: string; currency: string } | null> {
    const rows = (await this.dataSource.query('SELECT name, code, currency FROM clients WHERE id = ?', [
      clientId,
    ])) as Raw[];
    return rows[0]
      ? {
          name: String(rows[0]['name']),
          code: String(rows[0]['code']),
          currency: String(rows[0]['currency']),
        }
      : null;
  }

  /**
   * Why debtors reached did not pay: the dispositions of the month's right-party talks that ended
   * without a promise (refusals, disputes, "call me later", a talk with no commitment), most first.
   */
  async noPaymentReasons(
    clientId: string,
    start: Date,
    end: Date,
    limit: number,
  ): Promise<{ labelEs: string; labelEn: string; count: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.label_es, d.label_en, COUNT(*) AS n
         FROM interactions i JOIN accounts a ON a.id = i.account_id JOIN dispositions d ON d.id = i.disposition_id
        WHERE i.created_at >= ? AND i.created_at < ? AND a.client_id = ?
          AND d.category IN ('refusal', 'dispute', 'callback', 'rpc') AND d.is_promise = 0
        GROUP BY d.id, d.label_es, d.label_en ORDER BY n DESC, d.label_es LIMIT ?`,
      [start, end, clientId, limit],
    )) as Raw[];
    return rows.map((r) => ({
      labelEs: String(r['label_es']),
      labelEn: String(r['label_en']),
      count: Number(r['n']),
    }));
  }

  /** The accounts behind a sweep figure, a page at a time. */
  async drill(
    month: string,
    scope: MetricScope,
    scopeId: string,
    measure: DrillMeasure,
    page: number,
    pageSize: number,
  ): Promise<{ items: DrillAccount[]; total: number }> {
    const condition = {
      assigned: '1 = 1',
      attempted: 'm.attempted = 1',
      not_attempted: 'm.attempted = 0',
      right_party: 'm.right_party = 1',
    }[measure];
    const base = `FROM metric_sweep_members m WHERE m.scope = ? AND m.scope_id = ? AND m.month = ? AND ${condition}`;
    const params = [scope, scopeId, month];
    const [count] = (await this.dataSource.query(`SELECT COUNT(*) AS total ${base}`, params)) as Raw[];
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.account_number, d.full_name, a.balance_minor, a.currency, a.days_past_due, m.attempted, m.right_party
         FROM (SELECT m.account_id, m.attempted, m.right_party ${base} ORDER BY m.account_id LIMIT ? OFFSET ?) m
         JOIN accounts a ON a.id = m.account_id JOIN debtors d ON d.id = a.debtor_id
        ORDER BY a.balance_minor DESC, a.id`,
      [...params, pageSize, (page - 1) * pageSize],
    )) as Raw[];
    return {
      total: Number(count['total']),
      items: rows.map((r) => ({
        accountId: String(r['id']),
        accountNumber: String(r['account_number']),
        debtorName: String(r['full_name']),
        balanceMinor: Number(r['balance_minor']),
        currency: String(r['currency']),
        daysPastDue: Number(r['days_past_due']),
        attempted: Number(r['attempted']) === 1,
        rightParty: Number(r['right_party']) === 1,
      })),
    };
  }
}
