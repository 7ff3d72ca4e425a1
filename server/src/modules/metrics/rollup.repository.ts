import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MetricScope, ScopeKeys } from '@recupera/shared';
import { DataSource, type QueryRunner } from 'typeorm';
import { INSTALLMENT_ROLLUP, type DailyDelta, type SweepHit } from './rollup-deltas.util';
import { ADD_TO_CUBE, CUBE_COLUMNS } from './rollup-cube.constant';

type Raw = Record<string, unknown>;

/** The receivable statuses: what is still owed (paid, written-off and closed accounts are not). */
const RECEIVABLE = "('active', 'in_agreement', 'legal')";

/**
 * Only one process rolls up at a time (every server runs the job; the others skip a turn). The
 * broken-promise check holds it too while it rewrites installments, so neither deadlocks the other.
 */
export const ROLLUP_LOCK = 'recupera_metric_rollup:';

/**
 * An interaction is final once it ended and its wrap-up is done (a person answered and got a
 * disposition), or nobody answered, or it has waited long enough that nothing more will come.
 * Skipped previews and refused dials were never attempts: they are marked and not counted.
 */
export const FINAL_INTERACTION = `(i.stage IN ('skipped', 'refused')
  OR (i.ended_at IS NOT NULL AND (i.outcome IS NULL OR i.outcome <> 'human' OR i.disposition_id IS NOT NULL
      OR i.ended_at < NOW(3) - INTERVAL 15 MINUTE))
  OR i.created_at < NOW(3) - INTERVAL 1 DAY)`;
export const ATTEMPT = `(i.stage IS NULL OR i.stage NOT IN ('skipped', 'refused', 'preview'))`;
export const ATTEMPT_AT = 'COALESCE(i.dialed_at, i.queued_at, i.created_at)';

export interface InteractionFact extends ScopeKeys {
  id: string;
  at: Date;
  currency: string;
  attempt: boolean;
  humanAnswered: boolean;
  rightParty: boolean;
  talkSeconds: number;
  wrapSeconds: number;
}

export interface AgreementRow extends ScopeKeys {
  id: string;
  at: Date;
  currency: string;
  totalMinor: number;
}

export interface PaymentRow extends ScopeKeys {
  id: string;
  paidAt: Date;
  currency: string;
  amountMinor: number;
  reversed: boolean;
  rolledUp: number;
}

export interface InstallmentRow extends ScopeKeys {
  id: string;
  currency: string;
  dueDate: string;
  status: string;
  paidAt: Date | null;
  rolledUp: number;
}

export interface AssignmentRow extends ScopeKeys {
  id: string;
  from: Date;
  to: Date | null;
}

export interface SweepIncrement {
  scope: MetricScope;
  scopeId: string;
  month: string;
  assigned: number;
  attempted: number;
  rightParty: number;
}

function keysOf(r: Raw, team = 'team_id', agent = 'agent_id'): ScopeKeys {
  return {
    accountId: String(r['account_id']),
    teamId: r[team] === null ? null : String(r[team]),
    agentId: r[agent] === null ? null : String(r[agent]),
    portfolioId: String(r['portfolio_id']),
    clientId: String(r['client_id']),
  };
}

@Injectable()
export class RollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction while holding the rollup lock; null when another process holds
   * it (waiting up to `waitSeconds`).
   */
  async locked<T>(waitSeconds: number, work: (q: QueryRunner) => Promise<T>): Promise<T | null> {
    const q = this.dataSource.createQueryRunner();
    await q.connect();
    try {
      // Locks are server-wide in MariaDB: the name carries the database, so deployments (and
      // parallel test runs) sharing a server do not wait on each other.
      const [lock] = (await q.query('SELECT GET_LOCK(CONCAT(?, DATABASE()), ?) AS got', [
        ROLLUP_LOCK,
        waitSeconds,
      ])) as Raw[];
      if (Number(lock['got']) !== 1) return null;
      try {
        await q.startTransaction();
        const result = await work(q);
        await q.commitTransaction();
        return result;
      } catch (error) {
        if (q.isTransactionActive) await q.rollbackTransaction();
        throw error;
      } finally {
        await q.query('SELECT RELEASE_LOCK(CONCAT(?, DATABASE()))', [ROLLUP_LOCK]);
      }
    } finally {
      await q.release();
    }
  }

  // ---- pending source rows ----

  async pendingAssignments(q: QueryRunner, limit: number): Promise<AssignmentRow[]> {
    const rows = (await q.query(
      `SELECT s.id, s.account_id, s.team_id, s.agent_id, a.portfolio_id, a.client_id, s.assigned_at, s.unassigned_at
         FROM account_assignments s JOIN accounts a ON a.id = s.account_id
        WHERE s.rolled_up = 0 ORDER BY s.id LIMIT ? FOR UPDATE`,
      [limit],
    )) as Raw[];
    return rows.map((r) => ({
      ...keysOf(r),
      id: String(r['id']),
      from: r['assigned_at'] as Date,
      to: (r['unassigned_at'] as Date | null) ?? null,
    }));
  }

  async pendingInteractions(q: QueryRunner, limit: number): Promise<InteractionFact[]> {
    return this.interactions(q, `i.rolled_up = 0 AND ${FINAL_INTERACTION} ORDER BY i.id LIMIT ? FOR UPDATE`, [
      limit,
    ]);
  }

  private async interactions(q: QueryRunner, where: string, params: unknown[]): Promise<InteractionFact[]> {
    const rows = (await q.query(
      `SELECT i.id, i.account_id, i.team_id, i.agent_id, a.portfolio_id, a.client_id, a.currency,
              ${ATTEMPT_AT} AS at, ${ATTEMPT} AS attempt, i.outcome = 'human' AS human,
              COALESCE(d.is_rpc, 0) AS rpc, i.talk_seconds, i.wrap_seconds
         FROM interactions i
         JOIN accounts a ON a.id = i.account_id
         LEFT JOIN dispositions d ON d.id = i.disposition_id
        WHERE ${where}`,
      params,
    )) as Raw[];
    return rows.map((r) => ({
      ...keysOf(r),
      id: String(r['id']),
      at: r['at'] as Date,
      currency: String(r['currency']),
      attempt: Number(r['attempt']) === 1,
      humanAnswered: Number(r['human']) === 1,
      rightParty: Number(r['rpc']) === 1,
      talkSeconds: Number(r['talk_seconds']),
      wrapSeconds: Number(r['wrap_seconds']),
    }));
  }

  async pendingAgreements(q: QueryRunner, limit: number): Promise<AgreementRow[]> {
    return this.agreements(q, 'g.rolled_up = 0 ORDER BY g.id LIMIT ? FOR UPDATE', [limit]);
  }

  private async agreements(q: QueryRunner, where: string, params: unknown[]): Promise<AgreementRow[]> {
    const rows = (await q.query(
      `SELECT g.id, g.account_id, g.team_id, g.agent_id, a.portfolio_id, a.client_id, g.currency,
              g.total_minor, g.created_at
         FROM agreements g JOIN accounts a ON a.id = g.account_id WHERE ${where}`,
      params,
    )) as Raw[];
    return rows.map((r) => ({
      ...keysOf(r),
      id: String(r['id']),
      at: r['created_at'] as Date,
      currency: String(r['currency']),
      totalMinor: Number(r['total_minor']),
    }));
  }

  /** Payments not counted yet, and counted ones reversed since. */
  async pendingPayments(q: QueryRunner, limit: number): Promise<PaymentRow[]> {
    return this.payments(
      q,
      `(p.rolled_up = 0 OR (p.rolled_up = 1 AND p.reversed_at IS NOT NULL)) ORDER BY p.id LIMIT ? FOR UPDATE`,
      [limit],
    );
  }

  private async payments(q: QueryRunner, where: string, params: unknown[]): Promise<PaymentRow[]> {
    const rows = (await q.query(
      `SELECT p.id, p.account_id, p.team_id, p.agent_id, a.portfolio_id, p.client_id, p.currency,
              p.amount_minor, p.paid_at, p.reversed_at IS NOT NULL OR p.status = 'reversed' AS reversed, p.rolled_up
         FROM payments p JOIN accounts a ON a.id = p.account_id WHERE ${where}`,
      params,
    )) as Raw[];
    return rows.map((r) => ({
      ...keysOf(r),
      id: String(r['id']),
      paidAt: r['paid_at'] as Date,
      currency: String(r['currency']),
      amountMinor: Number(r['amount_minor']),
      reversed: Number(r['reversed']) === 1,
      rolledUp: Number(r['rolled_up']),
    }));
  }

  /**
   * Installments whose counts may change: not counted yet, paid since they were counted as due, or
   * cancelled (an agreement rejected) after they were counted.
   */
  async pendingInstallments(q: QueryRunner, limit: number): Promise<InstallmentRow[]> {
    const s = INSTALLMENT_ROLLUP;
    return this.installments(
      q,
      `(n.rolled_up = 0
         OR (n.rolled_up = ${s.due} AND n.status = 'paid')
         OR (n.rolled_up IN (${s.due}, ${s.kept}, ${s.late}) AND n.status = 'cancelled'))
       ORDER BY n.id LIMIT ? FOR UPDATE`,
      [limit],
    );
  }

  private async installments(q: QueryRunner, where: string, params: unknown[]): Promise<InstallmentRow[]> {
    const rows = (await q.query(
      `SELECT n.id, g.account_id, g.team_id, g.agent_id, a.portfolio_id, a.client_id, g.currency, n.due_date,
              n.status, n.paid_at, n.rolled_up
         FROM installments n JOIN agreements g ON g.id = n.agreement_id JOIN accounts a ON a.id = g.account_id
        WHERE ${where}`,
      params,
    )) as Raw[];
    return rows.map((r) => ({
      ...keysOf(r),
      id: String(r['id']),
      currency: String(r['currency']),
      dueDate: isoDay(r['due_date']),
      status: String(r['status']),
      paidAt: (r['paid_at'] as Date | null) ?? null,
      rolledUp: Number(r['rolled_up']),
    }));
  }

  async setInstallmentStates(q: QueryRunner, states: ReadonlyMap<string, number>): Promise<void> {
    const byState = new Map<number, string[]>();
    for (const [id, state] of states) byState.set(state, [...(byState.get(state) ?? []), id]);
    for (const [state, ids] of byState)
      for (let i = 0; i < ids.length; i += 5_000)
        await q.query('UPDATE installments SET rolled_up = ? WHERE id IN (?)', [
          state,
          ids.slice(i, i + 5_000),
        ]);
  }

  async markRolled(
    q: QueryRunner,
    table: 'interactions' | 'payments' | 'agreements' | 'account_assignments',
    ids: readonly string[],
    value = 1,
  ): Promise<void> {
    for (let i = 0; i < ids.length; i += 5_000)
      await q.query(`UPDATE ${table} SET rolled_up = ? WHERE id IN (?)`, [value, ids.slice(i, i + 5_000)]);
  }

  /** How many final interactions wait to be counted, and the span of their creation instants. */
  async interactionBacklog(): Promise<{ pending: number; from: Date | null; to: Date | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n, MIN(i.created_at) AS first, MAX(i.created_at) AS last FROM interactions i
        WHERE i.rolled_up = 0 AND ${FINAL_INTERACTION}`,
    )) as Raw[];
    return {
      pending: Number(row['n']),
      from: (row['first'] as Date | null) ?? null,
      to: (row['last'] as Date | null) ?? null,
    };
  }

  // ---- rollup tables ----

  /** Adds the deltas to their days in `metric_daily` and to their months in `metric_monthly`. */
  async addDaily(q: QueryRunner, deltas: readonly DailyDelta[]): Promise<void> {
    for (let i = 0; i < deltas.length; i += 2_000) {
      const batch = deltas.slice(i, i + 2_000);
      const measures = (d: DailyDelta) => [
        d.clientId,
        d.portfolioId,
        d.teamId,
        d.agentId,
        d.currency,
        d.attempts,
        d.humanAnswered,
        d.rightParty,
        d.agreements,
        d.promisedMinor,
        d.payments,
        d.recoveredMinor,
        d.talkSeconds,
        d.wrapSeconds,
        d.installmentsDue,
        d.installmentsKept,
      ];
      await q.query(`INSERT INTO metric_daily ${CUBE_COLUMNS('day')} VALUES ? ${ADD_TO_CUBE}`, [
        batch.map((d) => [d.day, ...measures(d)]),
      ]);
      await q.query(`INSERT INTO metric_monthly ${CUBE_COLUMNS('month')} VALUES ? ${ADD_TO_CUBE}`, [
        batch.map((d) => [`${d.day.slice(0, 7)}-01`, ...measures(d)]),
      ]);
    }
  }

  /** Adds accounts to scopes' months; returns how many were new per scope and month. */
  async addMembers(q: QueryRunner, hits: readonly SweepHit[]): Promise<SweepIncrement[]> {
    const increments = new Map<string, SweepIncrement>();
    // An account twice in one scope's month (two spans, two months' turns) is one member.
    const unique = [...new Map(hits.map((h) => [memberKey(h), h])).values()];
    for (let i = 0; i < unique.length; i += 2_000) {
      const batch = unique.slice(i, i + 2_000);
      const existing = await this.existingMembers(q, batch);
      const fresh = batch.filter((h) => !existing.has(memberKey(h)));
      if (fresh.length === 0) continue;
      await q.query('INSERT IGNORE INTO metric_sweep_members (scope, scope_id, month, account_id) VALUES ?', [
        fresh.map((h) => [h.scope, h.scopeId, h.month, h.accountId]),
      ]);
      for (const h of fresh) bump(increments, h, { assigned: 1 });
    }
    return [...increments.values()];
  }

  /**
   * Marks members attempted (and reached, for a right-party contact) by the month's attempts;
   * returns the counts that changed. An attempt on an account the scope did not hold counts nowhere.
   */
  async markAttempted(q: QueryRunner, hits: readonly SweepHit[]): Promise<SweepIncrement[]> {
    const increments = new Map<string, SweepIncrement>();
    for (let i = 0; i < hits.length; i += 2_000) {
      const batch = hits.slice(i, i + 2_000);
      const existing = await this.existingMembers(q, batch);
      const flips = new Map<string, { hit: SweepHit; attempted: boolean; rightParty: boolean }>();
      for (const hit of batch) {
        const key = memberKey(hit);
        const member = existing.get(key);
        if (!member) continue;
        const flip = flips.get(key) ?? { hit, attempted: false, rightParty: false };
        if (!member.attempted) flip.attempted = true;
        if (hit.rightParty && !member.rightParty) flip.rightParty = true;
        if (flip.attempted || flip.rightParty) flips.set(key, flip);
      }
      for (const { hit, attempted, rightParty } of flips.values()) {
        await q.query(
          `UPDATE metric_sweep_members SET attempted = 1, right_party = right_party OR ?
            WHERE scope = ? AND scope_id = ? AND month = ? AND account_id = ?`,
          [rightParty ? 1 : 0, hit.scope, hit.scopeId, hit.month, hit.accountId],
        );
        bump(increments, hit, { attempted: attempted ? 1 : 0, rightParty: rightParty ? 1 : 0 });
      }
    }
    return [...increments.values()];
  }

  private async existingMembers(
    q: QueryRunner,
    hits: readonly SweepHit[],
  ): Promise<Map<string, { attempted: boolean; rightParty: boolean }>> {
    const found = new Map<string, { attempted: boolean; rightParty: boolean }>();
    if (hits.length === 0) return found;
    const rows = (await q.query(
      `SELECT scope, scope_id, month, account_id, attempted, right_party FROM metric_sweep_members
        WHERE (scope, scope_id, month, account_id) IN (?)`,
      [hits.map((h) => [h.scope, h.scopeId, h.month, h.accountId])],
    )) as Raw[];
    for (const r of rows)
      found.set(
        memberKey({
          scope: r['scope'] as MetricScope,
          scopeId: String(r['scope_id']),
          month: isoDay(r['month']),
          accountId: String(r['account_id']),
        }),
        { attempted: Number(r['attempted']) === 1, rightParty: Number(r['right_party']) === 1 },
      );
    return found;
  }

  async addSweep(q: QueryRunner, increments: readonly SweepIncrement[]): Promise<void> {
    if (increments.length === 0) return;
    await q.query(
      `INSERT INTO metric_sweep (scope, scope_id, month, assigned, attempted, right_party) VALUES ?
       ON DUPLICATE KEY UPDATE assigned = assigned + VALUES(assigned), attempted = attempted + VALUES(attempted),
          right_party = right_party + VALUES(right_party)`,
      [increments.map((s) => [s.scope, s.scopeId, s.month, s.assigned, s.attempted, s.rightParty])],
    );
  }

  /**
   * Recounts the receivable balance of every portfolio by aging bucket, sector, red and zona in one
   * pass over the accounts, and replaces the table's contents in one transaction.
   */
  async refreshDelinquency(now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT portfolio_id, aging_bucket, COALESCE(sector, '') AS sector, COALESCE(red, '') AS red,
                COALESCE(zona, '') AS zona, currency, COUNT(*) AS accounts, SUM(balance_minor) AS total,
                SUM(IF(days_past_due > 0, balance_minor, 0)) AS overdue
           FROM accounts WHERE status IN ${RECEIVABLE}
          GROUP BY portfolio_id, aging_bucket, sector, red, zona, currency`,
      )) as Raw[];
      const groups = new Map<string, unknown[]>();
      for (const r of rows) {
        for (const [dimension, key] of [
          ['aging', r['aging_bucket']],
          ['sector', r['sector']],
          ['red', r['red']],
          ['zona', r['zona']],
        ] as const) {
          const id = `${String(r['portfolio_id'])}|${dimension}|${String(key)}|${String(r['currency'])}`;
          const group = groups.get(id) ?? [
            r['portfolio_id'],
            dimension,
            String(key).slice(0, 120),
            r['currency'],
            0,
            0,
            0,
            now,
          ];
          group[4] = Number(group[4]) + Number(r['accounts']);
          group[5] = Number(group[5]) + Number(r['total']);
          group[6] = Number(group[6]) + Number(r['overdue']);
          groups.set(id, group);
        }
      }
      await tx.query('DELETE FROM metric_delinquency');
      const values = [...groups.values()];
      for (let i = 0; i < values.length; i += 2_000)
        await tx.query(
          `INSERT INTO metric_delinquency (portfolio_id, dimension, group_key, currency, accounts, total_minor,
             overdue_minor, counted_at) VALUES ?`,
          [values.slice(i, i + 2_000)],
        );
      return values.length;
    });
  }

  // ---- months ----

  async isSeeded(q: QueryRunner, month: string): Promise<boolean> {
    const rows = (await q.query('SELECT 1 FROM metric_months WHERE month = ?', [month])) as Raw[];
    return rows.length > 0;
  }

  async markSeeded(q: QueryRunner, month: string): Promise<void> {
    await q.query('INSERT IGNORE INTO metric_months (month, seeded_at) VALUES (?, NOW(3))', [month]);
  }
}

function memberKey(h: Pick<SweepHit, 'scope' | 'scopeId' | 'month' | 'accountId'>): string {
  return `${h.scope}|${h.scopeId}|${h.month}|${h.accountId}`;
}

function bump(
  increments: Map<string, SweepIncrement>,
  hit: SweepHit,
  by: Partial<Pick<SweepIncrement, 'assigned' | 'attempted' | 'rightParty'>>,
): void {
  const key = `${hit.scope}|${hit.scopeId}|${hit.month}`;
  const current = increments.get(key) ?? {
    scope: hit.scope,
    scopeId: hit.scopeId,
    month: hit.month,
    assigned: 0,
    attempted: 0,
    rightParty: 0,
  };
  current.assigned += by.assigned ?? 0;
  current.attempted += by.attempted ?? 0;
  current.rightParty += by.rightParty ?? 0;
  increments.set(key, current);
}

/** DATE columns come back as 'YYYY-MM-DD' strings (dateStrings in the data source). */
function isoDay(value: unknown): string {
  return String(value).slice(0, 10);
}
