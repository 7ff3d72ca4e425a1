import { Injectable } from '@nestjs/common';
import { KEPT_GRACE_DAYS, localDateSql, type OffsetSegment, type ReportPeriod } from '@recupera/shared';
import type { QueryRunner } from 'typeorm';
import { ADD_TO_CUBE, CUBE_COLUMNS, CUBE_MEASURES } from './rollup-cube.constant';
import { INSTALLMENT_ROLLUP } from './rollup-deltas.util';
import { ATTEMPT, ATTEMPT_AT, FINAL_INTERACTION } from './rollup.repository';

type Raw = Record<string, unknown>;

/** Interactions are found by creation time (indexed); an attempt is dialled within a day of it. */
const SLACK = 'INTERVAL 1 DAY';

/** The scopes of sweep membership, and where each takes its id from (s: span, a: account). */
const MEMBER_SCOPES = [
  ['team', 's.team_id'],
  ['agent', 's.agent_id'],
  ['portfolio', 'a.portfolio_id'],
  ['client', 'a.client_id'],
] as const;

/** The same scopes for an attempt (i: interaction, a: account). */
const ATTEMPT_SCOPES = [
  ['team', 'i.team_id'],
  ['agent', 'i.agent_id'],
  ['portfolio', 'a.portfolio_id'],
  ['client', 'a.client_id'],
] as const;

/**
 * A month's rollups recounted with set-based SQL: a handful of INSERT … SELECT and UPDATE … JOIN
 * statements over the month's rows, whatever their number. Local days come from the agency zone's
 * offsets over the month (`localDateSql`), so the database needs no time-zone tables.
 */
@Injectable()
export class RollupRebuildRepository {
  async rebuild(
    q: QueryRunner,
    period: ReportPeriod,
    offsets: readonly OffsetSegment[],
  ): Promise<{ interactions: number; payments: number; agreements: number; members: number }> {
    const month = period.firstDay;
    const range = [period.start, period.end];
    await q.query('DELETE FROM metric_daily WHERE day >= ? AND day < ?', [period.firstDay, period.endDay]);
    await q.query('DELETE FROM metric_monthly WHERE month = ?', [month]);
    await q.query('DELETE FROM metric_sweep_members WHERE month = ?', [month]);
    await q.query('DELETE FROM metric_sweep WHERE month = ?', [month]);

    const members = await this.addMembers(q, month, period.start, period.end);

    const attempts = `FROM interactions i JOIN accounts a ON a.id = i.account_id LEFT JOIN dispositions d ON d.id = i.disposition_id
      WHERE i.created_at >= ? - ${SLACK} AND i.created_at < ? + ${SLACK}
        AND ${ATTEMPT_AT} >= ? AND ${ATTEMPT_AT} < ? AND ${ATTEMPT} AND ${FINAL_INTERACTION}`;
    const attemptRange = [period.start, period.end, ...range];
    for (const [scope, id] of ATTEMPT_SCOPES)
      await q.query(
        `UPDATE metric_sweep_members m
           JOIN (SELECT ${id} AS scope_id, i.account_id, MAX(COALESCE(d.is_rpc, 0)) AS rpc ${attempts}
                   AND ${id} IS NOT NULL GROUP BY ${id}, i.account_id) x
             ON m.scope = ? AND m.scope_id = x.scope_id AND m.month = ? AND m.account_id = x.account_id
            SET m.attempted = 1, m.right_party = x.rpc`,
        [...attemptRange, scope, month],
      );
    await this.recountSweep(q, month);

    const attemptDay = localDateSql(ATTEMPT_AT, offsets);
    const [counted] = (await q.query(`SELECT COUNT(*) AS n ${attempts}`, attemptRange)) as Raw[];
    await q.query(
      `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT ${attemptDay.sql}, a.client_id, a.portfolio_id, COALESCE(i.team_id, 0), COALESCE(i.agent_id, 0),
              a.currency, COUNT(*), SUM(i.outcome = 'human'), SUM(COALESCE(d.is_rpc, 0)), 0, 0, 0, 0,
              SUM(i.talk_seconds), SUM(i.wrap_seconds), 0, 0
         ${attempts} GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
      [...attemptDay.params, ...attemptRange],
    );

    const agreementDay = localDateSql('g.created_at', offsets);
    const [agreements] = (await q.query(
      'SELECT COUNT(*) AS n FROM agreements g WHERE g.created_at >= ? AND g.created_at < ?',
      range,
    )) as Raw[];
    await q.query(
      `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT ${agreementDay.sql}, a.client_id, a.portfolio_id, COALESCE(g.team_id, 0), COALESCE(g.agent_id, 0),
              g.currency, 0, 0, 0, COUNT(*), SUM(g.total_minor), 0, 0, 0, 0, 0, 0
         FROM agreements g JOIN accounts a ON a.id = g.account_id WHERE g.created_at >= ? AND g.created_at < ?
        GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
      [...agreementDay.params, ...range],
    );

    // A recount sees what is true now: a payment reversed since is simply not money recovered.
    const paymentDay = localDateSql('p.paid_at', offsets);
    const [payments] = (await q.query(
      'SELECT COUNT(*) AS n FROM payments p WHERE p.paid_at >= ? AND p.paid_at < ?',
      range,
    )) as Raw[];
    await q.query(
      `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT ${paymentDay.sql}, p.client_id, a.portfolio_id, COALESCE(p.team_id, 0), COALESCE(p.agent_id, 0),
              p.currency, 0, 0, 0, 0, 0, COUNT(*), SUM(p.amount_minor), 0, 0, 0, 0
         FROM payments p JOIN accounts a ON a.id = p.account_id
        WHERE p.paid_at >= ? AND p.paid_at < ? AND p.reversed_at IS NULL AND p.status <> 'reversed'
        GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
      [...paymentDay.params, ...range],
    );

    // Kept: paid in full before the local midnight that ends its due date + grace days.
    const s = INSTALLMENT_ROLLUP;
    const deadline = `TIMESTAMP(n.due_date + INTERVAL ${KEPT_GRACE_DAYS + 1} DAY) - INTERVAL ? MINUTE`;
    const keptOffset = offsets[offsets.length - 1].offsetMinutes;
    await q.query(
      `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT n.due_date, a.client_id, a.portfolio_id, COALESCE(g.team_id, 0), COALESCE(g.agent_id, 0), g.currency,
              0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(n.status = 'paid' AND n.paid_at < ${deadline})
         FROM installments n JOIN agreements g ON g.id = n.agreement_id JOIN accounts a ON a.id = g.account_id
        WHERE n.due_date >= ? AND n.due_date < ? AND n.status <> 'cancelled'
        GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
      [keptOffset, period.firstDay, period.endDay],
    );
    await q.query(
      `INSERT INTO metric_monthly ${CUBE_COLUMNS('month')}
       SELECT ?, client_id, portfolio_id, team_id, agent_id, currency, ${CUBE_MEASURES.map((m) => `SUM(${m})`).join(', ')}
         FROM metric_daily WHERE day >= ? AND day < ? GROUP BY client_id, portfolio_id, team_id, agent_id, currency`,
      [month, period.firstDay, period.endDay],
    );
    await q.query(
      `UPDATE installments n SET n.rolled_up = CASE
          WHEN n.status = 'cancelled' THEN ${s.void}
          WHEN n.status = 'paid' AND n.paid_at < ${deadline} THEN ${s.kept}
          WHEN n.status = 'paid' THEN ${s.late}
          ELSE ${s.due} END
        WHERE n.due_date >= ? AND n.due_date < ?`,
      [keptOffset, period.firstDay, period.endDay],
    );

    await q.query(
      `UPDATE interactions i SET i.rolled_up = 1
        WHERE i.created_at >= ? - ${SLACK} AND i.created_at < ? + ${SLACK}
          AND ${ATTEMPT_AT} >= ? AND ${ATTEMPT_AT} < ? AND ${FINAL_INTERACTION}`,
      attemptRange,
    );
    await q.query('UPDATE agreements SET rolled_up = 1 WHERE created_at >= ? AND created_at < ?', range);
    await q.query(
      `UPDATE payments SET rolled_up = IF(reversed_at IS NOT NULL OR status = 'reversed', 2, 1)
        WHERE paid_at >= ? AND paid_at < ?`,
      range,
    );
    return {
      interactions: Number(counted['n']),
      payments: Number(payments['n']),
      agreements: Number(agreements['n']),
      members,
    };
  }

  /**
   * A new month starts with every account each scope holds at its first instant (set-based, however
   * many accounts); the month's sweep counts are recounted from its members.
   */
  async seedMonth(q: QueryRunner, period: ReportPeriod): Promise<number> {
    const members = await this.addMembers(
      q,
      period.firstDay,
      period.start,
      new Date(period.start.getTime() + 1),
    );
    await this.recountSweep(q, period.firstDay);
    return members;
  }

  /** Puts in `month` every account a scope held at some instant of [from, to); returns how many were new. */
  private async addMembers(q: QueryRunner, month: string, from: Date, to: Date): Promise<number> {
    let members = 0;
    for (const [scope, id] of MEMBER_SCOPES) {
      const result = (await q.query(
        `INSERT IGNORE INTO metric_sweep_members (scope, scope_id, month, account_id)
         SELECT DISTINCT ?, ${id}, ?, s.account_id FROM account_assignments s JOIN accounts a ON a.id = s.account_id
          WHERE ${id} IS NOT NULL AND s.assigned_at < ? AND (s.unassigned_at IS NULL OR s.unassigned_at > ?)`,
        [scope, month, to, from],
      )) as { affectedRows?: number };
      members += result.affectedRows ?? 0;
    }
    return members;
  }

  private async recountSweep(q: QueryRunner, month: string): Promise<void> {
    await q.query(
      `INSERT INTO metric_sweep (scope, scope_id, month, assigned, attempted, right_party)
       SELECT scope, scope_id, month, COUNT(*), SUM(attempted), SUM(right_party) FROM metric_sweep_members
        WHERE month = ? GROUP BY scope, scope_id
       ON DUPLICATE KEY UPDATE assigned = VALUES(assigned), attempted = VALUES(attempted), right_party = VALUES(right_party)`,
      [month],
    );
  }
}
