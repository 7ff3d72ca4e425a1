import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgreementStatus,
  InstallmentStatus,
  WidgetAccountView,
  WidgetAgreementView,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { WidgetSessionRef } from '../conversations/conversation-ports.type';

type Raw = Record<string, unknown>;

/** The account a debtor named in the widget, with where a code can go. */
export interface IdentifiedAccount {
  accountId: string;
  debtorId: string;
  clientId: string;
  mobile: string | null;
}

export interface ChallengeRow {
  id: string;
  sessionRef: WidgetSessionRef;
  codeHash: string;
  codeExpiresAt: Date;
  attempts: number;
  verifiedAt: Date | null;
}

/** Widget sessions: a one-time code's challenge, then the verified session it opens. */
@Injectable()
export class WidgetSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The client's account with that number whose debtor has that national id (digits and letters only). */
  async identify(
    clientCode: string,
    accountNumber: string,
    nationalId: string,
  ): Promise<IdentifiedAccount | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.debtor_id, a.client_id,
              (SELECT cp.value FROM contact_points cp WHERE cp.debtor_id = a.debtor_id AND cp.type = 'mobile'
                  AND cp.valid = 1 AND cp.do_not_contact = 0 ORDER BY cp.id LIMIT 1) AS mobile
         FROM clients c
         JOIN accounts a ON a.client_id = c.id AND a.account_number = ?
         JOIN debtors d ON d.id = a.debtor_id
        WHERE c.code = ? AND UPPER(REGEXP_REPLACE(d.national_id, '[^0-9A-Za-z]', '')) = ?`,
      [accountNumber, clientCode, nationalId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      accountId: String(r['id']),
      debtorId: String(r['debtor_id']),
      clientId: String(r['client_id']),
      mobile: r['mobile'] === null ? null : String(r['mobile']),
    };
  }

  async insertChallenge(
    account: IdentifiedAccount,
    challengeId: string,
    codeHash: string,
    expiresAt: Date,
    sentTo: string,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO widget_sessions (client_id, debtor_id, account_id, challenge_id, code_hash, code_expires_at, sent_to)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [account.clientId, account.debtorId, account.accountId, challengeId, codeHash, expiresAt, sentTo],
    );
  }

  async challenge(challengeId: string): Promise<ChallengeRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, client_id, debtor_id, account_id, code_hash, code_expires_at, attempts, verified_at
         FROM widget_sessions WHERE challenge_id = ?`,
      [challengeId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: String(r['id']),
      sessionRef: this.toRef(r),
      codeHash: String(r['code_hash']),
      codeExpiresAt: r['code_expires_at'] as Date,
      attempts: Number(r['attempts']),
      verifiedAt: (r['verified_at'] as Date | null) ?? null,
    };
  }

  /** Counts a wrong code; answers the attempts made so far. */
  async countAttempt(id: string): Promise<number> {
    await this.dataSource.query('UPDATE widget_sessions SET attempts = attempts + 1 WHERE id = ?', [id]);
    const rows = (await this.dataSource.query('SELECT attempts FROM widget_sessions WHERE id = ?', [
      id,
    ])) as Raw[];
    return Number(rows[0]?.['attempts'] ?? 0);
  }

  /** The code matched: the session opens under the token's hash (the first verify wins). */
  async open(id: string, tokenHash: string, at: Date, expiresAt: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE widget_sessions SET token_hash = ?, verified_at = ?, expires_at = ?
        WHERE id = ? AND verified_at IS NULL`,
      [tokenHash, at, expiresAt, id],
    )) as { affectedRows: number };
    return result.affectedRows > 0;
  }

  /** The live session behind a token's hash. */
  async byToken(tokenHash: string, now: Date): Promise<WidgetSessionRef | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, client_id, debtor_id, account_id FROM widget_sessions
        WHERE token_hash = ? AND verified_at IS NOT NULL AND expires_at > ? AND ended_at IS NULL`,
      [tokenHash, now],
    )) as Raw[];
    return rows[0] ? this.toRef(rows[0]) : null;
  }

  async debtorName(debtorId: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT full_name FROM debtors WHERE id = ?', [
      debtorId,
    ])) as Raw[];
    return (rows[0]?.['full_name'] as string | null | undefined) ?? null;
  }

  /** The debtor's accounts at the session's client, and no one else's. */
  async accounts(session: WidgetSessionRef, accountId?: string): Promise<WidgetAccountView[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.account_number, c.name AS client_name, a.balance_minor, a.currency, a.days_past_due, a.due_date
         FROM accounts a JOIN clients c ON c.id = a.client_id
        WHERE a.debtor_id = ? AND a.client_id = ? ${accountId ? 'AND a.id = ?' : ''} ORDER BY a.account_number`,
      accountId ? [session.debtorId, session.clientId, accountId] : [session.debtorId, session.clientId],
    )) as Raw[];
    return rows.map((r) => ({
      accountId: String(r['id']),
      accountNumber: String(r['account_number']),
      clientName: String(r['client_name']),
      balance: { amountMinor: Number(r['balance_minor']), currency: String(r['currency']) },
      daysPastDue: Number(r['days_past_due']),
      dueDate: r['due_date'] === null ? null : String(r['due_date']).slice(0, 10),
    }));
  }

  /** Open agreements (awaiting approval or active) on those accounts, each with its schedule. */
  async agreements(session: WidgetSessionRef, agreementId?: string): Promise<WidgetAgreementView[]> {
    const agreements = (await this.dataSource.query(
      `SELECT g.id, g.account_id, g.status, g.currency, g.total_minor, g.down_payment_minor, g.settles_in_full, g.created_at
         FROM agreements g JOIN accounts a ON a.id = g.account_id
        WHERE a.debtor_id = ? AND a.client_id = ? AND g.status IN ('pending_approval', 'active')
              ${agreementId ? 'AND g.id = ?' : ''}
        ORDER BY g.id`,
      agreementId ? [session.debtorId, session.clientId, agreementId] : [session.debtorId, session.clientId],
    )) as Raw[];
    if (agreements.length === 0) return [];
    const installments = (await this.dataSource.query(
      `SELECT agreement_id, seq, due_date, amount_minor, paid_minor, status FROM installments
        WHERE agreement_id IN (?) ORDER BY agreement_id, seq`,
      [agreements.map((g) => g['id'])],
    )) as Raw[];
    return agreements.map((g) => {
      const currency = String(g['currency']);
      return {
        id: String(g['id']),
        accountId: String(g['account_id']),
        status: g['status'] as AgreementStatus,
        total: { amountMinor: Number(g['total_minor']), currency },
        downPayment: { amountMinor: Number(g['down_payment_minor']), currency },
        settlesInFull: Boolean(Number(g['settles_in_full'])),
        createdAt: (g['created_at'] as Date).toISOString(),
        installments: installments
          .filter((n) => String(n['agreement_id']) === String(g['id']))
          .map((n) => ({
            seq: Number(n['seq']),
            dueDate: String(n['due_date']).slice(0, 10),
            amount: { amountMinor: Number(n['amount_minor']), currency },
            paid: { amountMinor: Number(n['paid_minor']), currency },
            status: n['status'] as InstallmentStatus,
          })),
      };
    });
  }

  /** The open web chat of the account's agreement, whose widget should see the agreement at once. */
  async openWebchatSessionOf(accountId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT widget_session_id FROM conversations
        WHERE account_id = ? AND channel = 'webchat' AND status <> 'closed' AND widget_session_id IS NOT NULL
        ORDER BY id DESC LIMIT 1`,
      [accountId],
    )) as Raw[];
    return rows[0] ? String(rows[0]['widget_session_id']) : null;
  }

  async sessionOf(sessionId: string): Promise<WidgetSessionRef | null> {
    const rows = (await this.dataSource.query(
      'SELECT id, client_id, debtor_id, account_id FROM widget_sessions WHERE id = ?',
      [sessionId],
    )) as Raw[];
    return rows[0] ? this.toRef(rows[0]) : null;
  }

  private toRef(r: Raw): WidgetSessionRef {
    return {
      sessionId: String(r['id']),
      clientId: String(r['client_id']),
      debtorId: String(r['debtor_id']),
      accountId: String(r['account_id']),
    };
  }
}
