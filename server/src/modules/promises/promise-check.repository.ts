import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { localDateSql, type AgreementBrokenNotice, type IsoDate, type OffsetSegment } from '@recupera/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import { ROLLUP_LOCK } from '../metrics/rollup.repository';

type Raw = Record<string, unknown>;

/** One check at a time across every process (the name carries the database, see RollupRepository). */
const CHECK_LOCK = 'recupera_promise_check:';

/**
 * The candidates of a run, on the run's own connection: one row per active agreement with an
 * installment past its deadline; `seq` is its first installment not kept (null: all kept).
 */
const BREAKS = 'promise_breaks';

/** Short of the amount, or completed only after the deadline (the local date of `paid_at`). */
function failing(paidLocalDate: string): string {
  return `(n.status IN ('pending', 'partial')
     OR (n.status = 'paid' AND n.paid_at IS NOT NULL AND ${paidLocalDate} > n.due_date + INTERVAL c.grace_days DAY))`;
}

/** SQL of `agingBucket()` (shared/src/domain/aging.util.ts), for a days-past-due expression. */
function agingBucketSql(days: string): string {
  return `CASE WHEN ${days} <= 30 THEN '0-30' WHEN ${days} <= 60 THEN '31-60' WHEN ${days} <= 90 THEN '61-90'
               WHEN ${days} <= 180 THEN '91-180' ELSE '180+' END`;
}

function affected(result: unknown): number {
  return Number((result as { affectedRows?: number }).affectedRows ?? 0);
}

export interface BrokenAgreementRow {
  notice: AgreementBrokenNotice;
  installmentId: string;
}

/** A running voice campaign that may dial a broken agreement's account, with the debtor's best number. */
export interface HopperPush {
  campaignId: string;
  accountId: string;
  contactPointId: string;
  phone: string;
}

/**
 * The broken-promise check in set-based SQL, so it stays in seconds over hundreds of thousands of
 * agreements: candidates are read without locks, then decided again under the accounts' row locks
 * (taken first, the order payment posting takes them) and broken in one transaction; every write
 * is conditional on the state it changes, so a second run changes nothing. Joins are driven from
 * the active agreements and then from the candidates (STRAIGHT_JOIN): the temporary table has no
 * statistics, and the optimizer must not start from a million accounts.
 */
@Injectable()
export class PromiseCheckRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` on one connection holding the check's lock; null when another process holds it. */
  async locked<T>(work: (q: QueryRunner) => Promise<T>): Promise<T | null> {
    const q = this.dataSource.createQueryRunner();
    await q.connect();
    try {
      const [lock] = (await q.query('SELECT GET_LOCK(CONCAT(?, DATABASE()), 0) AS got', [
        CHECK_LOCK,
      ])) as Raw[];
      if (Number(lock['got']) !== 1) return null;
      // The rollup turns mark installments as counted: they wait (skip a turn) while the check writes.
      const [rollups] = (await q.query('SELECT GET_LOCK(CONCAT(?, DATABASE()), 120) AS got', [
        ROLLUP_LOCK,
      ])) as Raw[];
      if (Number(rollups['got']) !== 1) {
        await q.query('SELECT RELEASE_LOCK(CONCAT(?, DATABASE()))', [CHECK_LOCK]);
        throw new Error('The rollup lock could not be taken for the promise check');
      }
      try {
        // Reads see committed rows without share-locking them: payments go on while the check scans.
        await q.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        await q.query(`DROP TEMPORARY TABLE IF EXISTS ${BREAKS}`);
        await q.query(`CREATE TEMPORARY TABLE ${BREAKS} (
          agreement_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
          account_id BIGINT UNSIGNED NOT NULL,
          checked INT NOT NULL,
          seq INT NULL,
          installment_id BIGINT UNSIGNED NULL,
          due_date DATE NULL,
          amount_minor BIGINT NULL,
          paid_minor BIGINT NULL,
          days_past_due INT NULL,
          KEY ix_promise_breaks_account (account_id)
        ) ENGINE=InnoDB`);
        return await work(q);
      } catch (error) {
        if (q.isTransactionActive) await q.rollbackTransaction();
        throw error;
      } finally {
        await q.query(`DROP TEMPORARY TABLE IF EXISTS ${BREAKS}`);
        await q.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        await q.query('SELECT RELEASE_LOCK(CONCAT(?, DATABASE()))', [ROLLUP_LOCK]);
        await q.query('SELECT RELEASE_LOCK(CONCAT(?, DATABASE()))', [CHECK_LOCK]);
      }
    } finally {
      await q.release();
    }
  }

  /**
   * Every installment of an active agreement whose deadline (due date + the client's grace days)
   * is before `today`, however long ago: a run after downtime catches up on all of them. Returns how
   * many were looked at; the agreements with one not kept stay in the candidates.
   */
  async collectCandidates(q: QueryRunner, today: IsoDate, segments: OffsetSegment[]): Promise<number> {
    const paidDay = localDateSql('n.paid_at', segments);
    await q.query(
      `INSERT INTO ${BREAKS} (agreement_id, account_id, checked, seq)
       SELECT g.id, g.account_id, COUNT(*), MIN(CASE WHEN ${failing(paidDay.sql)} THEN n.seq END)
         FROM agreements g
         STRAIGHT_JOIN accounts a ON a.id = g.account_id
         STRAIGHT_JOIN clients c ON c.id = a.client_id
         STRAIGHT_JOIN installments n ON n.agreement_id = g.id
        WHERE g.status = 'active'
          AND n.status IN ('pending', 'partial', 'paid')
          AND n.due_date + INTERVAL c.grace_days DAY < ?
        GROUP BY g.id, g.account_id`,
      [...paidDay.params, today],
    );
    const [row] = (await q.query(`SELECT COALESCE(SUM(checked), 0) AS checked FROM ${BREAKS}`)) as Raw[];
    await q.query(`DELETE FROM ${BREAKS} WHERE seq IS NULL`);
    return Number(row['checked']);
  }

  /**
   * Breaks the candidates in one transaction: their accounts locked, each decided again on what is
   * committed now (a payment may have landed since the scan), then the installment broken, the later
   * ones on hold, the agreement broken and closed, the account active again with its days past due
   * from the broken installment's due date, an audit entry, a notification for the agent who made
   * it and for the team's supervisor, and a broken-agreement notice due. Returns how many broke.
   */
  async breakCandidates(
    q: QueryRunner,
    now: Date,
    today: IsoDate,
    segments: OffsetSegment[],
  ): Promise<number> {
    await q.startTransaction();
    await q.query(
      `SELECT COUNT(*) AS n FROM ${BREAKS} b STRAIGHT_JOIN accounts a ON a.id = b.account_id FOR UPDATE`,
    );
    const paidDay = localDateSql('n.paid_at', segments);
    await q.query(
      `UPDATE ${BREAKS} b
         STRAIGHT_JOIN agreements g ON g.id = b.agreement_id
         STRAIGHT_JOIN accounts a ON a.id = b.account_id
         STRAIGHT_JOIN clients c ON c.id = a.client_id
          SET b.seq = IF(g.status <> 'active', NULL,
                (SELECT MIN(n.seq) FROM installments n
                  WHERE n.agreement_id = b.agreement_id
                    AND n.status IN ('pending', 'partial', 'paid')
                    AND n.due_date + INTERVAL c.grace_days DAY < ?
                    AND ${failing(paidDay.sql)}))`,
      [today, ...paidDay.params],
    );
    await q.query(`DELETE FROM ${BREAKS} WHERE seq IS NULL`);
    await q.query(
      `UPDATE ${BREAKS} b STRAIGHT_JOIN installments n ON n.agreement_id = b.agreement_id AND n.seq = b.seq
          SET b.installment_id = n.id, b.due_date = n.due_date, b.amount_minor = n.amount_minor,
              b.paid_minor = n.paid_minor, b.days_past_due = GREATEST(0, DATEDIFF(?, n.due_date))`,
      [today],
    );
    const broken = affected(
      await q.query(
        `UPDATE ${BREAKS} b STRAIGHT_JOIN agreements g ON g.id = b.agreement_id
            SET g.status = 'broken', g.closed_at = ?, g.updated_at = ?
          WHERE g.status = 'active'`,
        [now, now],
      ),
    );
    await q.query(
      `UPDATE ${BREAKS} b STRAIGHT_JOIN installments n ON n.id = b.installment_id
          SET n.status = 'broken' WHERE n.status IN ('pending', 'partial', 'paid')`,
    );
    await q.query(
      `UPDATE ${BREAKS} b STRAIGHT_JOIN installments n ON n.agreement_id = b.agreement_id
          SET n.status = 'on_hold' WHERE n.seq > b.seq AND n.status IN ('pending', 'partial')`,
    );
    await q.query(
      `UPDATE ${BREAKS} b STRAIGHT_JOIN accounts a ON a.id = b.account_id
          SET a.status = IF(a.status = 'in_agreement', 'active', a.status),
              a.aging_bucket = IF(a.balance_minor > 0, ${agingBucketSql('b.days_past_due')}, a.aging_bucket),
              a.days_past_due = IF(a.balance_minor > 0, b.days_past_due, a.days_past_due),
              a.updated_at = ?`,
      [now],
    );
    await q.query(
      `INSERT INTO audit_events (actor_id, actor_role, action, entity_type, entity_id, before_data, after_data, ip, at)
       SELECT NULL, NULL, 'agreement.broken', 'agreement', CAST(b.agreement_id AS CHAR),
              JSON_OBJECT('status', 'active'),
              JSON_OBJECT('status', 'broken', 'installmentId', CAST(b.installment_id AS CHAR), 'seq', b.seq,
                          'dueDate', DATE_FORMAT(b.due_date, '%Y-%m-%d'), 'amountMinor', b.amount_minor,
                          'paidMinor', b.paid_minor, 'closedAt', ?),
              NULL, ?
         FROM ${BREAKS} b`,
      [now.toISOString(), now],
    );
    await this.notify(q, 'g.agent_id', 'JOIN users u ON u.id = g.agent_id', now);
    await this.notify(
      q,
      't.supervisor_id',
      'JOIN teams t ON t.id = COALESCE(g.team_id, (SELECT u.team_id FROM users u WHERE u.id = g.agent_id))',
      now,
    );
    await q.query(
      `INSERT IGNORE INTO message_reminders (account_id, agreement_id, installment_id, kind, due_at, status, created_at)
       SELECT b.account_id, b.agreement_id, b.installment_id, 'broken_notice', ?, 'due', ? FROM ${BREAKS} b`,
      [now, now],
    );
    await q.commitTransaction();
    return broken;
  }

  /** The persisted notice (idempotent per user and agreement) for whoever `recipient` names. */
  private async notify(q: QueryRunner, recipient: string, join: string, now: Date): Promise<void> {
    await q.query(
      `INSERT IGNORE INTO notifications (user_id, kind, entity_type, entity_id, payload, created_at)
       SELECT ${recipient}, 'agreement.broken', 'agreement', b.agreement_id,
              JSON_OBJECT('agreementId', CAST(b.agreement_id AS CHAR), 'accountId', CAST(b.account_id AS CHAR),
                          'accountNumber', a.account_number, 'installmentSeq', b.seq,
                          'dueDate', DATE_FORMAT(b.due_date, '%Y-%m-%d'), 'amountMinor', b.amount_minor,
                          'paidMinor', b.paid_minor, 'currency', g.currency,
                          'agentId', CAST(g.agent_id AS CHAR), 'teamId', CAST(g.team_id AS CHAR), 'brokenAt', ?),
              ?
         FROM ${BREAKS} b
         JOIN agreements g ON g.id = b.agreement_id
         JOIN accounts a ON a.id = b.account_id
         ${join}
        WHERE ${recipient} IS NOT NULL`,
      [now.toISOString(), now],
    );
  }

  /** What this run broke, for the events sent after commit. */
  async brokenNow(q: QueryRunner, now: Date): Promise<BrokenAgreementRow[]> {
    const rows = (await q.query(
      `SELECT b.agreement_id, b.account_id, a.account_number, b.installment_id, b.seq, b.due_date,
              b.amount_minor, b.paid_minor, g.currency, g.agent_id, g.team_id
         FROM ${BREAKS} b
         JOIN agreements g ON g.id = b.agreement_id
         JOIN accounts a ON a.id = b.account_id
        WHERE g.closed_at = ?`,
      [now],
    )) as Raw[];
    const id = (value: unknown) => (value === null || value === undefined ? null : String(value));
    return rows.map((r) => ({
      installmentId: String(r['installment_id']),
      notice: {
        agreementId: String(r['agreement_id']),
        accountId: String(r['account_id']),
        accountNumber: String(r['account_number']),
        installmentSeq: Number(r['seq']),
        dueDate: String(r['due_date']),
        amountMinor: Number(r['amount_minor']),
        paidMinor: Number(r['paid_minor']),
        currency: String(r['currency']),
        agentId: id(r['agent_id']),
        teamId: id(r['team_id']),
        brokenAt: now.toISOString(),
      },
    }));
  }

  /**
   * Where this run's broken accounts go to the front: each running voice campaign of the account's
   * portfolio its team works (as a team's callback does), with the debtor's best voice number.
   */
  async hopperPushes(q: QueryRunner, limit: number): Promise<HopperPush[]> {
    const rows = (await q.query(
      `SELECT c.id AS campaign_id, a.id AS account_id, cp.id AS cp_id, cp.value AS phone
         FROM ${BREAKS} b
         JOIN accounts a ON a.id = b.account_id
         JOIN campaign_teams ct ON ct.team_id = a.assigned_team_id
         JOIN campaigns c ON c.id = ct.campaign_id AND c.portfolio_id = a.portfolio_id
         JOIN contact_points cp ON cp.id = (SELECT c2.id FROM contact_points c2
                WHERE c2.debtor_id = a.debtor_id AND c2.type IN ('mobile', 'landline') AND c2.valid = 1
                ORDER BY c2.do_not_contact, c2.type = 'landline', c2.id LIMIT 1)
        WHERE c.status = 'running' AND c.channel = 'voice' AND a.status = 'active'
        ORDER BY a.balance_minor DESC, a.id
        LIMIT ?`,
      [limit],
    )) as Raw[];
    return rows.map((r) => ({
      campaignId: String(r['campaign_id']),
      accountId: String(r['account_id']),
      contactPointId: String(r['cp_id']),
      phone: String(r['phone']),
    }));
  }

  /**
   * A reminder due `reminder_days` before each open installment of an active agreement (at the
   * agency's 09:00 of that day, `sendAt`), once per installment; reminders of installments since
   * paid, broken or held are cancelled. Returns how many were recorded.
   */
  async recordReminders(
    q: QueryRunner,
    now: Date,
    today: IsoDate,
    sendAt: ReadonlyMap<IsoDate, Date>,
    maxDays: number,
    lastDueDate: IsoDate,
  ): Promise<number> {
    const lead = `LEAST(GREATEST(c.reminder_days, 0), ${maxDays})`;
    const cases = [...sendAt.keys()].map(() => 'WHEN ? THEN ?').join(' ');
    const inserted = affected(
      await q.query(
        `INSERT IGNORE INTO message_reminders (account_id, agreement_id, installment_id, kind, due_at, status, created_at)
         SELECT g.account_id, g.id, n.id, 'before_due',
                CASE DATE_FORMAT(n.due_date - INTERVAL ${lead} DAY, '%Y-%m-%d') ${cases} ELSE ? END, 'due', ?
           FROM installments n
           JOIN agreements g ON g.id = n.agreement_id
           JOIN accounts a ON a.id = g.account_id
           JOIN clients c ON c.id = a.client_id
          WHERE n.due_date >= ? AND n.due_date <= ?
            AND n.status IN ('pending', 'partial') AND g.status = 'active'
            AND n.due_date - INTERVAL ${lead} DAY <= ?`,
        [...[...sendAt].flat(), now, now, today, lastDueDate, today],
      ),
    );
    await q.query(
      `UPDATE message_reminders r JOIN installments n ON n.id = r.installment_id
          SET r.status = 'cancelled'
        WHERE r.status = 'due' AND r.kind = 'before_due' AND n.status NOT IN ('pending', 'partial')`,
    );
    return inserted;
  }

  /** The longest reminder lead time any client asks for, capped at `cap` days. */
  async maxReminderDays(q: QueryRunner, cap: number): Promise<number> {
    const [row] = (await q.query('SELECT COALESCE(MAX(reminder_days), 0) AS days FROM clients')) as Raw[];
    return Math.max(0, Math.min(cap, Number(row['days'])));
  }

  async recordRun(
    q: QueryRunner,
    run: {
      day: IsoDate;
      startedAt: Date;
      finishedAt: Date;
      checked: number;
      broken: number;
      reminders: number;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO promise_check_runs (day, started_at, finished_at, checked, broken, reminders)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [run.day, run.startedAt, run.finishedAt, run.checked, run.broken, run.reminders],
    );
  }

  /** The agency day of the latest run, if the check ever ran. */
  async lastRunDay(): Promise<IsoDate | null> {
    const [row] = (await this.dataSource.query(
      "SELECT DATE_FORMAT(MAX(day), '%Y-%m-%d') AS day FROM promise_check_runs",
    )) as Raw[];
    return row?.['day'] ? String(row['day']) : null;
  }
}
