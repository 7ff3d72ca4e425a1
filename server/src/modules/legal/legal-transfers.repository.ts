import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AccountStatus,
  DebtBreakdown,
  LegalStage,
  LegalSystemActionKind,
  Role,
  StageTransferFilter,
  TeamKind,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

/** Which accounts a transfer may take: all, or those of some teams. */
export type SourceScope = 'all' | string[];

export interface TransferAccountRow {
  id: string;
  status: AccountStatus;
  currency: string;
  balanceMinor: number;
  interestMinor: number;
  feesMinor: number;
  teamId: string | null;
  agentId: string | null;
  hasActiveAgreement: boolean;
}

export interface OpenCaseRow {
  id: string;
  accountId: string;
  firmTeamId: string;
  stage: LegalStage;
}

export interface TeamKindRow {
  id: string;
  name: string;
  kind: TeamKind;
  supervisorId: string | null;
  supervisorName: string | null;
  openCases: number;
}

/** Rows per statement: keeps each query well under max_allowed_packet on a big transfer. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const ACCOUNT_COLUMNS = `a.id, a.status, a.currency, a.balance_minor, a.interest_minor, a.fees_minor,
  a.assigned_team_id, a.assigned_agent_id,
  EXISTS (SELECT 1 FROM agreements g WHERE g.account_id = a.id AND g.status = 'active') AS has_agreement`;

function toAccountRow(r: Raw): TransferAccountRow {
  const id = (value: unknown) => (value === null ? null : String(value));
  return {
    id: String(r['id']),
    status: r['status'] as AccountStatus,
    currency: String(r['currency']),
    balanceMinor: Number(r['balance_minor']),
    interestMinor: Number(r['interest_minor']),
    feesMinor: Number(r['fees_minor']),
    teamId: id(r['assigned_team_id']),
    agentId: id(r['assigned_agent_id']),
    hasActiveAgreement: Boolean(Number(r['has_agreement'])),
  };
}

function sourceSql(source: SourceScope): { sql: string; params: unknown[] } {
  if (source === 'all') return { sql: '1 = 1', params: [] };
  if (source.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: 'a.assigned_team_id IN (?)', params: [source] };
}

/**
 * The writes of a stage transfer, set-based so a whole portfolio moves in one transaction. The
 * assignment spans are kept exactly as AccountsRepository.assign keeps them (close the open span,
 * open a new one), which is what the metrics attribute sweep and recovery by.
 */
@Injectable()
export class LegalTransfersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async team(id: string): Promise<TeamKindRow | null> {
    return (await this.teams([id]))[0] ?? null;
  }

  /** Teams with their kind and open cases; every team when `ids` is omitted. */
  async teams(ids?: string[]): Promise<TeamKindRow[]> {
    if (ids && ids.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.name, t.kind, t.supervisor_id, s.full_name AS supervisor_name,
              (SELECT COUNT(*) FROM legal_cases lc WHERE lc.firm_team_id = t.id AND lc.status = 'open') AS open_cases
         FROM teams t LEFT JOIN users s ON s.id = t.supervisor_id
        ${ids ? 'WHERE t.id IN (?)' : ''} ORDER BY t.name`,
      ids ? [ids] : [],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      name: String(r['name']),
      kind: r['kind'] as TeamKind,
      supervisorId: r['supervisor_id'] === null ? null : String(r['supervisor_id']),
      supervisorName: r['supervisor_name'] === null ? null : String(r['supervisor_name']),
      openCases: Number(r['open_cases']),
    }));
  }

  async setTeamKind(id: string, kind: TeamKind, tx: Tx): Promise<void> {
    await tx.query('UPDATE teams SET kind = ? WHERE id = ?', [kind, id]);
  }

  /** The internal teams a supervisor answers for: the only accounts they may hand over. */
  async internalTeamsSupervisedBy(userId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      "SELECT id FROM teams WHERE supervisor_id = ? AND kind = 'internal'",
      [userId],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  async user(id: string): Promise<{ id: string; role: Role; teamId: string | null } | null> {
    const rows = (await this.dataSource.query('SELECT id, role, team_id FROM users WHERE id = ?', [
      id,
    ])) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: String(r['id']),
      role: r['role'] as Role,
      teamId: r['team_id'] === null ? null : String(r['team_id']),
    };
  }

  /** The accounts named, within the source scope, locked for the transfer. */
  async lockByIds(source: SourceScope, ids: string[], tx: Tx): Promise<TransferAccountRow[]> {
    const scoped = sourceSql(source);
    const rows: TransferAccountRow[] = [];
    for (const part of chunks(ids)) {
      const found = (await tx.query(
        `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id IN (?) AND ${scoped.sql} ORDER BY a.id FOR UPDATE`,
        [part, ...scoped.params],
      )) as Raw[];
      rows.push(...found.map(toAccountRow));
    }
    return rows;
  }

  /**
   * The accounts a filter matches within the source scope, locked, at most `limit`. Into the legal
   * stage, only debts still owed match.
   */
  async lockByFilter(
    source: SourceScope,
    filter: StageTransferFilter,
    toLegal: boolean,
    limit: number,
    tx: Tx,
  ): Promise<TransferAccountRow[]> {
    const scoped = sourceSql(source);
    const parts = [scoped.sql];
    const params = [...scoped.params];
    const add = (sql: string, value: unknown) => {
      parts.push(sql);
      params.push(value);
    };
    if (filter.portfolioId) add('a.portfolio_id = ?', filter.portfolioId);
    if (filter.fromTeamId) add('a.assigned_team_id = ?', filter.fromTeamId);
    if (filter.status) add('a.status = ?', filter.status);
    if (filter.agingBucket) add('a.aging_bucket = ?', filter.agingBucket);
    if (filter.minDaysPastDue !== undefined) add('a.days_past_due >= ?', filter.minDaysPastDue);
    if (toLegal) parts.push("a.status IN ('active', 'in_agreement', 'legal') AND a.balance_minor > 0");
    const rows = (await tx.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE ${parts.join(' AND ')} ORDER BY a.id LIMIT ? FOR UPDATE`,
      [...params, limit],
    )) as Raw[];
    return rows.map(toAccountRow);
  }

  async openCases(accountIds: string[], tx: Tx): Promise<OpenCaseRow[]> {
    const rows: OpenCaseRow[] = [];
    for (const part of chunks(accountIds)) {
      const found = (await tx.query(
        'SELECT id, account_id, firm_team_id, stage FROM legal_cases WHERE open_account_id IN (?) FOR UPDATE',
        [part],
      )) as Raw[];
      rows.push(
        ...found.map((r) => ({
          id: String(r['id']),
          accountId: String(r['account_id']),
          firmTeamId: String(r['firm_team_id']),
          stage: r['stage'] as LegalStage,
        })),
      );
    }
    return rows;
  }

  /** Closes the accounts' open assignment spans and opens new ones with the team and agent. */
  async reassign(
    accountIds: string[],
    teamId: string,
    agentId: string | null,
    by: string,
    at: Date,
    tx: Tx,
  ): Promise<void> {
    for (const part of chunks(accountIds)) {
      await tx.query(
        'UPDATE account_assignments SET unassigned_at = ? WHERE account_id IN (?) AND unassigned_at IS NULL',
        [at, part],
      );
      await tx.query(
        'INSERT INTO account_assignments (account_id, team_id, agent_id, assigned_at, assigned_by) VALUES ?',
        [part.map((accountId) => [accountId, teamId, agentId, at, by])],
      );
      await tx.query('UPDATE accounts SET assigned_team_id = ?, assigned_agent_id = ? WHERE id IN (?)', [
        teamId,
        agentId,
        part,
      ]);
    }
  }

  async setStatus(accountIds: string[], status: AccountStatus, tx: Tx): Promise<void> {
    for (const part of chunks(accountIds))
      await tx.query('UPDATE accounts SET status = ? WHERE id IN (?)', [status, part]);
  }

  /** Opens a case per account with the debt it was handed over with; returns the new cases' ids. */
  async openNewCases(
    debts: { accountId: string; debt: DebtBreakdown }[],
    opening: { stage: LegalStage; firmTeamId: string; by: string; at: Date },
    tx: Tx,
  ): Promise<OpenCaseRow[]> {
    const opened: OpenCaseRow[] = [];
    for (const part of chunks(debts)) {
      await tx.query(
        `INSERT INTO legal_cases (account_id, stage, firm_team_id, opened_at, opened_by, currency,
           principal_minor, interest_minor, fees_minor, balance_minor) VALUES ?`,
        [
          part.map(({ accountId, debt }) => [
            accountId,
            opening.stage,
            opening.firmTeamId,
            opening.at,
            opening.by,
            debt.currency,
            debt.principalMinor,
            debt.interestMinor,
            debt.feesMinor,
            debt.balanceMinor,
          ]),
        ],
      );
      opened.push(
        ...(await this.openCases(
          part.map((d) => d.accountId),
          tx,
        )),
      );
    }
    return opened;
  }

  async moveCases(caseIds: string[], firmTeamId: string, stage: LegalStage, tx: Tx): Promise<void> {
    for (const part of chunks(caseIds))
      await tx.query('UPDATE legal_cases SET firm_team_id = ?, stage = ? WHERE id IN (?)', [
        firmTeamId,
        stage,
        part,
      ]);
  }

  async closeCases(caseIds: string[], by: string, at: Date, tx: Tx): Promise<void> {
    for (const part of chunks(caseIds))
      await tx.query(
        "UPDATE legal_cases SET status = 'closed', closed_at = ?, closed_by = ? WHERE id IN (?) AND status = 'open'",
        [at, by, part],
      );
  }

  /** The entries the server writes itself in each case's log. */
  async logSystemActions(
    entries: { caseId: string; kind: LegalSystemActionKind; notes: string | null }[],
    by: string,
    at: Date,
    tx: Tx,
  ): Promise<void> {
    for (const part of chunks(entries))
      await tx.query('INSERT INTO legal_actions (case_id, kind, at, by_user_id, notes) VALUES ?', [
        part.map((e) => [e.caseId, e.kind, at, by, e.notes]),
      ]);
  }
}
