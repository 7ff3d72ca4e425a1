import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  hasMonthEnded,
  listedMonths,
  monthFirstDay,
  monthOfInstant,
  PeriodError,
  type PeriodReport,
  type PeriodSummary,
} from '@recupera/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { RollupService, type RollupTurn } from '../metrics/rollup.service';
import { ClosedPeriodsRepository, type ClosedPeriodRow } from './closed-periods.repository';
import { periodConflict } from './closed-periods.service';
import { PeriodFiguresService } from './period-figures.service';
import { PeriodSnapshotsRepository } from './period-snapshots.repository';

/**
 * The rollups' batch per table and turn: a turn that took less than this from every table left
 * nothing behind that was committed before it began.
 */
const ROLLUP_BATCH = 2_000;
/** How long a close waits for the rollup lock (another process's turns) before giving up. */
const SETTLE_TIMEOUT_MS = 60_000;
const SETTLE_RETRY_MS = 100;

function drained(turn: RollupTurn): boolean {
  return Object.values(turn).every((rows) => rows < ROLLUP_BATCH);
}

/**
 * Month close: a manager freezes an ended month's figures. The month is marked closed first (from
 * then on payments dated in it are booked into the next open month), the rollups are brought up to
 * date, and the figures are written once as the month's snapshot, which is all its report reads.
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly closed: ClosedPeriodsRepository,
    private readonly snapshots: PeriodSnapshotsRepository,
    private readonly figures: PeriodFiguresService,
    private readonly rollups: RollupService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get zone(): string {
    return this.config.agencyTimeZone;
  }

  async list(now = new Date()): Promise<PeriodSummary[]> {
    const [known, closed] = await Promise.all([this.snapshots.knownMonths(), this.closed.list()]);
    const byMonth = new Map(closed.map((row) => [row.month, row]));
    return listedMonths(known, monthOfInstant(now, this.zone)).map((month) =>
      this.summary(month, byMonth.get(month) ?? null, now),
    );
  }

  /** A closed month's frozen snapshot; the live figures of any other. */
  async report(user: AuthUser, month: string, now = new Date()): Promise<PeriodReport> {
    const row = await this.closed.find(monthFirstDay(month));
    const summary = this.summary(month, row, now);
    const frozen = row?.snapshotted ? await this.snapshots.find(monthFirstDay(month)) : null;
    return { ...summary, figures: frozen ?? (await this.figures.count(user, month, now)) };
  }

  async close(user: AuthUser, month: string, ip: string | null, now = new Date()): Promise<PeriodReport> {
    if (!hasMonthEnded(month, this.zone, now))
      throw periodConflict(PeriodError.NotEnded, month, `${month} has not ended yet`);
    const firstDay = monthFirstDay(month);
    const claimed = await this.closed.claim(firstDay, user.id, now);
    // Not claimed: closed already, or a close that stopped before its snapshot, which this one takes.
    if (!claimed && (await this.closed.find(firstDay))?.snapshotted) throw this.alreadyClosed(month);
    try {
      await this.settleRollups(now);
      const figures = await this.figures.count(user, month, now);
      await this.uow.run(async (tx) => {
        const row = await this.closed.lock(firstDay, tx);
        if (!row || row.snapshotted) throw this.alreadyClosed(month);
        await this.snapshots.insert(firstDay, figures, tx);
        await this.audit.record(
          {
            actor: user,
            action: 'period.closed',
            entityType: 'period',
            entityId: month,
            before: null,
            after: {
              month,
              closedAt: row.closedAt,
              countedAt: figures.countedAt,
              recovered: figures.agency.money.map((m) => ({
                currency: m.currency,
                recoveredMinor: m.recoveredMinor,
                balanceMinor: m.balanceMinor,
              })),
              keptRate: figures.agency.keptRate,
              sweepRate: figures.agency.sweepRate,
            },
            ip,
          },
          tx,
        );
      });
    } catch (error) {
      // A closed month always has its snapshot: a close that could not take one is undone.
      if (claimed) await this.closed.removeUnsnapshotted(firstDay);
      throw error;
    }
    return this.report(user, month, now);
  }

  private summary(month: string, row: ClosedPeriodRow | null, now: Date): PeriodSummary {
    return {
      month,
      status: row ? (row.snapshotted ? 'closed' : 'closing') : 'open',
      ended: hasMonthEnded(month, this.zone, now),
      closedAt: row ? row.closedAt.toISOString() : null,
      closedByName: row?.closedByName ?? null,
    };
  }

  private alreadyClosed(month: string): AppException {
    return periodConflict(PeriodError.AlreadyClosed, month, `${month} is already closed`);
  }

  /**
   * Counts everything committed before the month was marked closed: the backlog first, then turns
   * of our own until one leaves nothing behind (waiting while another process holds the rollups).
   */
  private async settleRollups(now: Date): Promise<void> {
    await this.rollups.catchUp(now);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const turn = await this.rollups.turn(now);
      if (turn && drained(turn)) return;
      if (Date.now() > deadline)
        throw new AppException(
          ErrorCode.ServiceUnavailable,
          HttpStatus.SERVICE_UNAVAILABLE,
          'The metrics are busy; close the month again in a minute',
        );
      if (!turn) await sleep(SETTLE_RETRY_MS);
    }
  }
}
