import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementStatus,
  CallOutcome,
  Channel,
  Direction,
  LegalCaseQuery,
  LegalCaseStatus,
  LegalLogKind,
  LegalStage,
  PaymentChannel,
  PaymentStatus,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { PageWindow } from '../../common/http/page.util';
import type { Tx } from '../../database/unit-of-work.service';
import type { AccountScope } from '../accounts/account-scope.type';
import { accountScopeSql } from './legal-scope.util';

type Raw = Record<string, unknown>;

/** A legal case with its account, debtor, client and firm, as lists, the detail and the PDF read it. */
export interface LegalCaseRow {
  id: string;
  accountId: string;
  accountNumber: string;
  product: string | null;
  originalAmountMinor: number;
  dueDate: string | null;
  daysPastDue: number;
  debtorName: string | null;
  nationalId: string | null;
  timeZone: string;
  clientName: string;
  portfolioName: string;
  stage: LegalStage;
  status: LegalCaseStatus;
  firmTeamId: string;
  firmName: string;
  openedAt: Date;
  openedByName: string | null;
  lawsuitServedAt: Date | null;
  court: string | null;
  caseNumber: string | null;
  closedAt: Date | null;
  lastActionAt: Date | null;
  currency: string;
  /** The debt handed over when the case opened. */
  opening: { principalMinor: number; interestMinor: number; feesMinor: number; balanceMinor: number };
  /** The account's money now. */
  balanceMinor: number;
  interestMinor: number;
  feesMinor: number;
}

export interface LegalActionRow {
  id: string;
  kind: LegalLogKind;
  at: Date;
  byName: string | null;
  notes: string | null;
}

export interface PaymentLine {
  paidAt: Date;
  amountMinor: number;
  channel: PaymentChannel;
  status: PaymentStatus;
  reference: string;
}

export interface AgreementLine {
  createdAt: Date;
  status: AgreementStatus;
  totalMinor: number;
  downPaymentMinor: number;
  waiverMinor: number;
  installmentsCount: number;
  settlesInFull: boolean;
}

export interface InteractionLine {
  at: Date;
  channel: Channel;
  direction: Direction;
  outcome: CallOutcome | null;
  dispositionEs: string | null;
  dispositionEn: string | null;
  agentName: string | null;
  notes: string | null;
}

/** The facts a firm's action may set on its case. */
export interface CaseFacts {
  lawsuitServedAt?: Date;
  court?: string;
  caseNumber?: string;
}

const CASE_SELECT = `
  SELECT lc.id, lc.account_id, lc.stage, lc.status, lc.firm_team_id, lc.opened_at, lc.lawsuit_served_at,
         lc.court, lc.case_number, lc.closed_at, lc.currency, lc.principal_minor, lc.interest_minor,
         lc.fees_minor, lc.balance_minor AS opening_balance,
         a.account_number, a.product, a.original_amount_minor, a.due_date, a.days_past_due,
         a.balance_minor, a.interest_minor AS account_interest, a.fees_minor AS account_fees,
         d.full_name AS debtor_name, d.national_id, d.time_zone,
         c.name AS client_name, p.name AS portfolio_name, t.name AS firm_name, u.full_name AS opened_by_name,
         (SELECT MAX(x.at) FROM legal_actions x WHERE x.case_id = lc.id) AS last_action_at`;

const CASE_FROM = `
    FROM legal_cases lc
    JOIN accounts a ON a.id = lc.account_id
    JOIN debtors d ON d.id = a.debtor_id
    JOIN clients c ON c.id = a.client_id
    JOIN portfolios p ON p.id = a.portfolio_id
    JOIN teams t ON t.id = lc.firm_team_id
    LEFT JOIN users u ON u.id = lc.opened_by`;

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const instant = (value: unknown): Date | null =>
  value === null || value === undefined ? null : (value as Date);

function toCaseRow(r: Raw): LegalCaseRow {
  return {
    id: String(r['id']),
    accountId: String(r['account_id']),
    accountNumber: String(r['account_number']),
    product: text(r['product']),
    originalAmountMinor: Number(r['original_amount_minor']),
    dueDate: text(r['due_date']),
    daysPastDue: Number(r['days_past_due']),
    debtorName: text(r['debtor_name']),
    nationalId: text(r['national_id']),
    timeZone: String(r['time_zone']),
    clientName: String(r['client_name']),
    portfolioName: String(r['portfolio_name']),
    stage: r['stage'] as LegalStage,
    status: r['status'] as LegalCaseStatus,
    firmTeamId: String(r['firm_team_id']),
    firmName: String(r['firm_name']),
    openedAt: r['opened_at'] as Date,
    openedByName: text(r['opened_by_name']),
    lawsuitServedAt: instant(r['lawsuit_served_at']),
    court: text(r['court']),
    caseNumber: text(r['case_number']),
    closedAt: instant(r['closed_at']),
    lastActionAt: instant(r['last_action_at']),
    currency: String(r['currency']),
    opening: {
      principalMinor: Number(r['principal_minor']),
      interestMinor: Number(r['interest_minor']),
      feesMinor: Number(r['fees_minor']),
      balanceMinor: Number(r['opening_balance']),
    },
    balanceMinor: Number(r['balance_minor']),
    interestMinor: Number(r['account_interest']),
    feesMinor: Number(r['account_fees']),
  };
}

// A determination lists the whole history; these bounds only keep a pathological account printable.
const PAYMENT_LIMIT = 1000;
const INTERACTION_LIMIT = 500;

@Injectable()
export class LegalCasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(scope: AccountScope, query: LegalCaseQuery): { sql: string; params: unknown[] } {
    const scoped = accountScopeSql(scope);
    const parts = [scoped.sql];
    const params = [...scoped.params];
    if (query.status) {
      parts.push('lc.status = ?');
      params.push(query.status);
    }
    if (query.stage) {
      parts.push('lc.stage = ?');
      params.push(query.stage);
    }
    if (query.firmTeamId) {
      parts.push('lc.firm_team_id = ?');
      params.push(query.firmTeamId);
    }
    const q = query.q?.trim();
    if (q) {
      parts.push('(a.account_number = ? OR d.national_id = ? OR lc.case_number = ?)');
      params.push(q, q, q);
    }
    return { sql: parts.join(' AND '), params };
  }

  async list(
    scope: AccountScope,
    query: LegalCaseQuery,
    window: PageWindow,
  ): Promise<[LegalCaseRow[], number]> {
    const where = this.where(scope, query);
    const [count] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n ${CASE_FROM} WHERE ${where.sql}`,
      where.params,
    )) as Raw[];
    const rows = (await this.dataSource.query(
      `${CASE_SELECT} ${CASE_FROM} WHERE ${where.sql}
        ORDER BY lc.status = 'open' DESC, lc.opened_at DESC, lc.id DESC LIMIT ? OFFSET ?`,
      [...where.params, window.pageSize, window.skip],
    )) as Raw[];
    return [rows.map(toCaseRow), Number(count['n'])];
  }

  /** The case if its account is within the scope (read inside `tx` when given). */
  async findInScope(scope: AccountScope, id: string, tx?: Tx): Promise<LegalCaseRow | null> {
    const scoped = accountScopeSql(scope);
    const rows = (await (tx ?? this.dataSource).query(
      `${CASE_SELECT} ${CASE_FROM} WHERE lc.id = ? AND ${scoped.sql}`,
      [id, ...scoped.params],
    )) as Raw[];
    return rows[0] ? toCaseRow(rows[0]) : null;
  }

  /** Locks the case row alone (not the account, client or firm it joins), for one writer at a time. */
  async lock(id: string, tx: Tx): Promise<void> {
    await tx.query('SELECT id FROM legal_cases WHERE id = ? FOR UPDATE', [id]);
  }

  async actions(caseId: string): Promise<LegalActionRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT x.id, x.kind, x.at, x.notes, u.full_name AS by_name
         FROM legal_actions x LEFT JOIN users u ON u.id = x.by_user_id
        WHERE x.case_id = ? ORDER BY x.at, x.id`,
      [caseId],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      kind: r['kind'] as LegalLogKind,
      at: r['at'] as Date,
      byName: text(r['by_name']),
      notes: text(r['notes']),
    }));
  }

  async insertAction(
    caseId: string,
    action: { kind: LegalLogKind; at: Date; byUserId: string; notes: string | null },
    tx: Tx,
  ): Promise<string> {
    const result = (await tx.query(
      'INSERT INTO legal_actions (case_id, kind, at, by_user_id, notes) VALUES (?, ?, ?, ?, ?)',
      [caseId, action.kind, action.at, action.byUserId, action.notes],
    )) as { insertId: number | string };
    return String(result.insertId);
  }

  async setFacts(caseId: string, facts: CaseFacts, tx: Tx): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (facts.lawsuitServedAt) {
      sets.push('lawsuit_served_at = ?');
      params.push(facts.lawsuitServedAt);
    }
    if (facts.court !== undefined) {
      sets.push('court = ?');
      params.push(facts.court);
    }
    if (facts.caseNumber !== undefined) {
      sets.push('case_number = ?');
      params.push(facts.caseNumber);
    }
    if (sets.length === 0) return;
    await tx.query(`UPDATE legal_cases SET ${sets.join(', ')} WHERE id = ?`, [...params, caseId]);
  }

  async payments(accountId: string): Promise<PaymentLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT paid_at, amount_minor, channel, status, reference FROM payments
        WHERE account_id = ? ORDER BY paid_at, id LIMIT ?`,
      [accountId, PAYMENT_LIMIT],
    )) as Raw[];
    return rows.map((r) => ({
      paidAt: r['paid_at'] as Date,
      amountMinor: Number(r['amount_minor']),
      channel: r['channel'] as PaymentChannel,
      status: r['status'] as PaymentStatus,
      reference: String(r['reference']),
    }));
  }

  async agreements(accountId: string): Promise<AgreementLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT created_at, status, total_minor, down_payment_minor, waiver_minor, installments_count, settles_in_full
         FROM agreements WHERE account_id = ? ORDER BY created_at, id`,
      [accountId],
    )) as Raw[];
    return rows.map((r) => ({
      createdAt: r['created_at'] as Date,
      status: r['status'] as AgreementStatus,
      totalMinor: Number(r['total_minor']),
      downPaymentMinor: Number(r['down_payment_minor']),
      waiverMinor: Number(r['waiver_minor']),
      installmentsCount: Number(r['installments_count']),
      settlesInFull: Boolean(Number(r['settles_in_full'])),
    }));
  }

  async userName(id: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT full_name FROM users WHERE id = ?', [id])) as Raw[];
    return row ? text(row['full_name']) : null;
  }

  async interactionCount(accountId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM interactions WHERE account_id = ?',
      [accountId],
    )) as Raw[];
    return Number(row['n']);
  }

  /** The latest interactions, oldest first, with their disposition's labels and agent. */
  async interactions(accountId: string): Promise<InteractionLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT i.id, i.created_at AS at, i.channel, i.direction, i.outcome, i.notes,
                x.label_es, x.label_en, u.full_name AS agent_name
           FROM interactions i
           LEFT JOIN dispositions x ON x.id = i.disposition_id
           LEFT JOIN users u ON u.id = i.agent_id
          WHERE i.account_id = ? ORDER BY i.created_at DESC, i.id DESC LIMIT ?) latest
        ORDER BY at, id`,
      [accountId, INTERACTION_LIMIT],
    )) as Raw[];
    return rows.map((r) => ({
      at: r['at'] as Date,
      channel: r['channel'] as Channel,
      direction: r['direction'] as Direction,
      outcome: (r['outcome'] as CallOutcome | null) ?? null,
      dispositionEs: text(r['label_es']),
      dispositionEn: text(r['label_en']),
      agentName: text(r['agent_name']),
      notes: text(r['notes']),
    }));
  }
}
