import { Injectable } from '@nestjs/common';
import { KEPT_GRACE_DAYS, localDateSql, type OffsetSegment, type ReportPeriod } from '@recupera/shared';
import type { QueryRunner } from 'typeorm';
import { ADD_TO_CUBE, CUBE_COLUMNS, CUBE_MEASURES } from './rollup-cube.constant';
import { INSTALLMENT_ROLLUP } from './rollup-deltas.util';
import { ATTEMPT, ATTEMPT_AT, FINAL_INTERACTION } from './rollup.repository';

type Raw = Record<string, unknown>;

/** How long one part of a rebuild took (the CLI prints them; where a slow rebuild spends its time). */
export interface RebuildStep {
  name: string;
  seconds: number;
}

/** Runs the parts of a rebuild in order, timing each. */
class StepTimer {
  readonly steps: RebuildStep[] = [];

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.steps.push({ name, seconds: Math.round((Date.now() - started) / 100) / 10 });
    }
  }
}

/** Interactions are found by creation time (indexed); an attempt is dialled within a day of it. */
const SLACK = 'INTERVAL 1 DAY';

/** The scopes of sweep membership, and where each takes its id from (s: span, a: account). */
const MEMBER_SCOPES = [
  ['team', 's.team_id'],
  ['agent', 's.agent_id'],
  ['portfolio', 'a.portfolio_id'],
  ['client', 'a.client_id'],
] as const;

/** The same scopes for an attempt (columns of the rebuild's temporary table). */
const ATTEMPT_SCOPES = [
  ['team', 'team_id'],
  ['agent', 'agent_id'],
  ['portfolio', 'portfolio_id'],
  ['client', 'client_id'],
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
  ): Promise<{
    interactions: number;
    payments: number;
    agreements: number;
    members: number;
    steps: RebuildStep[];
  }> {
    const month = period.firstDay;
    const range = [period.start, period.end];
    const timer = new StepTimer();
    const step = timer.run.bind(timer);
    await step('clear the month', async () => {
      await q.query('DELETE FROM metric_daily WHERE day >= ? AND day < ?', [period.firstDay, period.endDay]);
      await q.query('DELETE FROM metric_monthly WHERE month = ?', [month]);
      await q.query('DELETE FROM metric_sweep_members WHERE month = ?', [month]);
      await q.query('DELETE FROM metric_sweep WHERE month = ?', [month]);
    });

    // The month's final interactions, read once into a temporary table every count below reads.
    const attemptDay = localDateSql(ATTEMPT_AT, offsets);
    await step("read the month's interactions", async () => {
      await q.query('DROP TEMPORARY TABLE IF EXISTS rebuild_interactions');
      await q.query(`CREATE TEMPORARY TABLE rebuild_interactions (
        id BIGINT UNSIGNED NOT NULL PRIMARY KEY, account_id BIGINT UNSIGNED NOT NULL, team_id BIGINT UNSIGNED NULL,
        agent_id BIGINT UNSIGNED NULL, portfolio_id BIGINT UNSIGNED NOT NULL, client_id BIGINT UNSIGNED NOT NULL,
        currency CHAR(3) NOT NULL, day DATE NOT NULL, attempt TINYINT NOT NULL, human TINYINT NOT NULL,
        rpc TINYINT NOT NULL, talk_seconds INT NOT NULL, wrap_seconds INT NOT NULL)`);
      await q.query(
        `INSERT INTO rebuild_interactions
       SELECT i.id, i.account_id, i.team_id, i.agent_id, a.portfolio_id, a.client_id, a.currency, ${attemptDay.sql},
              COALESCE(${ATTEMPT}, 0), COALESCE(i.outcome = 'human', 0), COALESCE(d.is_rpc, 0), COALESCE(i.talk_seconds, 0), COALESCE(i.wrap_seconds, 0)
         FROM interactions i JOIN accounts a ON a.id = i.account_id LEFT JOIN dispositions d ON d.id = i.disposition_id
        WHERE i.created_at >= ? - ${SLACK} AND i.created_at < ? + ${SLACK}
          AND ${ATTEMPT_AT} >= ? AND ${ATTEMPT_AT} < ? AND ${FINAL_INTERACTION}`,
        [...attemptDay.params, period.start, period.end, ...range],
      );
    });
    // Which accounts each scope attempted and reached: the members' flags, set as they are inserted.
    await step('accounts attempted and reached', async () => {
      await q.query('DROP TEMPORARY TABLE IF EXISTS rebuild_reached');
      await q.query(`CREATE TEMPORARY TABLE rebuild_reached (
        scope VARCHAR(9) NOT NULL, scope_id BIGINT UNSIGNED NOT NULL, account_id BIGINT UNSIGNED NOT NULL,
        rpc TINYINT NOT NULL, PRIMARY KEY (scope, scope_id, account_id))`);
      for (const [scope, column] of ATTEMPT_SCOPES)
        await q.query(
          `INSERT INTO rebuild_reached SELECT ?, ${column}, account_id, MAX(rpc) FROM rebuild_interactions
          WHERE attempt = 1 AND ${column} IS NOT NULL GROUP BY ${column}, account_id`,
          [scope],
        );
    });
    const members = await step('sweep members', () =>
      this.addMembers(q, month, period.start, period.end, true),
    );
    await step('sweep counts', () => this.recountSweep(q, month));

    const [counted] = (await q.query(
      'SELECT COUNT(*) AS n FROM rebuild_interactions WHERE attempt = 1',
    )) as Raw[];
    await step('attempts by day', () =>
      q.query(
        `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT day, client_id, portfolio_id, COALESCE(team_id, 0), COALESCE(agent_id, 0), currency, COUNT(*), SUM(human),
              SUM(rpc), 0, 0, 0, 0, SUM(talk_seconds), SUM(wrap_seconds), 0, 0
         FROM rebuild_interactions WHERE attempt = 1 GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
      ),
    );

    const agreementDay = localDateSql('g.created_at', offsets);
    const [agreements] = (await q.query(
      'SELECT COUNT(*) AS n FROM agreements g WHERE g.created_at >= ? AND g.created_at < ?',
      range,
    )) as Raw[];
    await step('agreements by day', () =>
      q.query(
        `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT ${agreementDay.sql}, a.client_id, a.portfolio_id, COALESCE(g.team_id, 0), COALESCE(g.agent_id, 0),
              g.currency, 0, 0, 0, COUNT(*), SUM(g.total_minor), 0, 0, 0, 0, 0, 0
         FROM agreements g JOIN accounts a ON a.id = g.account_id WHERE g.created_at >= ? AND g.created_at < ?
        GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
        [...agreementDay.params, ...range],
      ),
    );

    // A recount sees what is true now: a payment reversed since is simply not money recovered.
    const paymentDay = localDateSql('p.paid_at', offsets);
    const [payments] = (await q.query(
      'SELECT COUNT(*) AS n FROM payments p WHERE p.paid_at >= ? AND p.paid_at < ?',
      range,
    )) as Raw[];
    await step('payments by day', () =>
      q.query(
        `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT ${paymentDay.sql}, p.client_id, a.portfolio_id, COALESCE(p.team_id, 0), COALESCE(p.agent_id, 0),
              p.currency, 0, 0, 0, 0, 0, COUNT(*), SUM(p.amount_minor), 0, 0, 0, 0
         FROM payments p JOIN accounts a ON a.id = p.account_id
        WHERE p.paid_at >= ? AND p.paid_at < ? AND p.reversed_at IS NULL AND p.status <> 'reversed'
        GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
        [...paymentDay.params, ...range],
      ),
    );

    // Kept: paid in full before the local midnight that ends its due date + grace days.
    const s = INSTALLMENT_ROLLUP;
    const deadline = `TIMESTAMP(n.due_date + INTERVAL ${KEPT_GRACE_DAYS + 1} DAY) - INTERVAL ? MINUTE`;
    const keptOffset = offsets[offsets.length - 1].offsetMinutes;
    await step('installments by due day', () =>
      q.query(
        `INSERT INTO metric_daily ${CUBE_COLUMNS('day')}
       SELECT n.due_date, a.client_id, a.portfolio_id, COALESCE(g.team_id, 0), COALESCE(g.agent_id, 0), g.currency,
              0, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), SUM(n.status = 'paid' AND n.paid_at < ${deadline})
         FROM installments n JOIN agreements g ON g.id = n.agreement_id JOIN accounts a ON a.id = g.account_id
        WHERE n.due_date >= ? AND n.due_date < ? AND n.status <> 'cancelled'
        GROUP BY 1, 2, 3, 4, 5, 6 ${ADD_TO_CUBE}`,
        [keptOffset, period.firstDay, period.endDay],
      ),
    );
    await step('the month cube', () =>
      q.query(
        `INSERT INTO metric_monthly ${CUBE_COLUMNS('month')}
       SELECT ?, client_id, portfolio_id, team_id, agent_id, currency, ${CUBE_MEASURES.map((m) => `SUM(${m})`).join(', ')}
         FROM metric_daily WHERE day >= ? AND day < ? GROUP BY client_id, portfolio_id, team_id, agent_id, currency`,
        [month, period.firstDay, period.endDay],
      ),
    );
    await step('mark installments counted', () =>
      q.query(
        `UPDATE installments n SET n.rolled_up = CASE
          WHEN n.status = 'cancelled' THEN ${s.void}
          WHEN n.status = 'paid' AND n.paid_at < ${deadline} THEN ${s.kept}
          WHEN n.status = 'paid' THEN ${s.late}
          ELSE ${s.due} END
        WHERE n.due_date >= ? AND n.due_date < ?`,
        [keptOffset, period.firstDay, period.endDay],
      ),
    );
    await step('mark interactions counted', () =>
      q.query(
        `UPDATE interactions i JOIN rebuild_interactions r ON r.id = i.id SET i.rolled_up = 1 WHERE i.rolled_up = 0`,
      ),
    );
    await q.query('DROP TEMPORARY TABLE rebuild_interactions');
    await q.query('DROP TEMPORARY TABLE rebuild_reached');
    await step('mark agreements and payments counted', async () => {
      await q.query('UPDATE agreements SET rolled_up = 1 WHERE created_at >= ? AND created_at < ?', range);
      await q.query(
        `UPDATE payments SET rolled_up = IF(reversed_at IS NOT NULL OR status = 'reversed', 2, 1)
          WHERE paid_at >= ? AND paid_at < ?`,
        range,
      );
    });
    return {
      interactions: Number(counted['n']),
      payments: Number(payments['n']),
      agreements: Number(agreements['n']),
      members,
      steps: timer.steps,
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

  /**
   * Puts in `month` every account a scope held at some instant of [from, to); returns how many were
   * new. In a rebuild (`reached`), the spans are read once into a temporary table and the members
   * are flagged attempted / reached from `rebuild_reached` as they are inserted.
   */
  private async addMembers(
    q: QueryRunner,
    month: string,
    from: Date,
    to: Date,
    reached = false,
  ): Promise<number> {
    const overlapping = `FROM account_assignments s JOIN accounts a ON a.id = s.account_id
      WHERE s.assigned_at < ? AND (s.unassigned_at IS NULL OR s.unassigned_at > ?)`;
    if (reached) {
      await q.query('DROP TEMPORARY TABLE IF EXISTS rebuild_spans');
      await q.query(
        `CREATE TEMPORARY TABLE rebuild_spans ENGINE=InnoDB AS
         SELECT DISTINCT s.account_id, s.team_id, s.agent_id, a.portfolio_id, a.client_id ${overlapping}`,
        [to, from],
      );
    }
    let members = 0;
    for (const [scope, id] of MEMBER_SCOPES) {
      const column = id.slice(2);
      const result = (await q.query(
        reached
          ? `INSERT IGNORE INTO metric_sweep_members (scope, scope_id, month, account_id, attempted, right_party)
             SELECT ?, x.scope_id, ?, x.account_id, r.account_id IS NOT NULL, COALESCE(r.rpc, 0)
               FROM (SELECT DISTINCT ${column} AS scope_id, account_id FROM rebuild_spans WHERE ${column} IS NOT NULL) x
               LEFT JOIN rebuild_reached r ON r.scope = ? AND r.scope_id = x.scope_id AND r.account_id = x.account_id`
          : `INSERT IGNORE INTO metric_sweep_members (scope, scope_id, month, account_id)
             SELECT DISTINCT ?, ${id}, ?, s.account_id ${overlapping} AND ${id} IS NOT NULL`,
        reached ? [scope, month, scope] : [scope, month, to, from],
      )) as { affectedRows?: number };
      members += result.affectedRows ?? 0;
    }
    if (reached) await q.query('DROP TEMPORARY TABLE rebuild_spans');
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
