import { Inject, Injectable, Logger } from '@nestjs/common';
import { monthPeriod, offsetSegments } from '@recupera/shared';
import type { QueryRunner } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { RollupRebuildRepository, type RebuildStep } from './rollup-rebuild.repository';
import {
  DailyDeltas,
  installmentChange,
  monthOf,
  monthsTouched,
  scopesOf,
  type SweepHit,
} from './rollup-deltas.util';
import {
  RollupRepository,
  type AgreementRow,
  type AssignmentRow,
  type InstallmentRow,
  type InteractionFact,
  type PaymentRow,
} from './rollup.repository';

/** Source rows taken per table per turn: a turn stays well under a second on a busy floor. */
const BATCH = 2_000;
/**
 * Past this many interactions waiting (a seed, an import of history), whole months are recounted
 * with set-based SQL instead of turning through the backlog a batch at a time.
 */
const BACKLOG_REBUILD = 20_000;

export interface RollupTurn {
  assignments: number;
  interactions: number;
  agreements: number;
  payments: number;
  installments: number;
}

export interface RebuildResult {
  month: string;
  interactions: number;
  payments: number;
  agreements: number;
  members: number;
  seconds: number;
  steps: RebuildStep[];
}

/**
 * Keeps the dashboards' rollups in step with the floor: each turn takes the source rows nobody
 * counted yet (new assignments, final interactions, agreements, payments and reversals), adds them
 * to the day and month of the agency's calendar they belong to, and marks them counted — all in one
 * transaction under a database lock, so a row is counted once however many processes run turns.
 * `rebuild` recounts a whole month from raw history.
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger(RollupService.name);

  constructor(
    private readonly repository: RollupRepository,
    private readonly rebuilder: RollupRebuildRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get zone(): string {
    return this.config.agencyTimeZone;
  }

  /** One incremental turn; null when another process was already running one. */
  async turn(now = new Date()): Promise<RollupTurn | null> {
    return this.repository.locked(0, async (q) => {
      await this.seedMonthIfNew(q, monthOf(this.zone, now));
      const assignments = await this.repository.pendingAssignments(q, BATCH);
      await this.addAssignments(q, assignments, now);
      await this.repository.markRolled(
        q,
        'account_assignments',
        assignments.map((a) => a.id),
      );

      const deltas = new DailyDeltas(this.zone);
      const interactions = await this.repository.pendingInteractions(q, BATCH);
      await this.addInteractions(q, deltas, interactions);
      const agreements = await this.repository.pendingAgreements(q, BATCH);
      this.addAgreements(deltas, agreements);
      const payments = await this.repository.pendingPayments(q, BATCH);
      this.addPayments(deltas, payments);
      const installments = await this.repository.pendingInstallments(q, BATCH);
      await this.repository.setInstallmentStates(q, this.addInstallments(deltas, installments));
      await this.repository.addDaily(q, deltas.rows());

      await this.repository.markRolled(
        q,
        'interactions',
        interactions.map((i) => i.id),
      );
      await this.repository.markRolled(
        q,
        'agreements',
        agreements.map((a) => a.id),
      );
      await this.repository.markRolled(
        q,
        'payments',
        payments.filter((p) => !p.reversed).map((p) => p.id),
        1,
      );
      await this.repository.markRolled(
        q,
        'payments',
        payments.filter((p) => p.reversed).map((p) => p.id),
        2,
      );
      return {
        assignments: assignments.length,
        interactions: interactions.length,
        agreements: agreements.length,
        payments: payments.length,
        installments: installments.length,
      };
    });
  }

  /** Turns until nothing is left (a test, the end of a seed), or until `budgetMs` has passed. */
  async catchUp(now = new Date(), budgetMs = Number.POSITIVE_INFINITY): Promise<number> {
    const started = Date.now();
    let total = await this.rebuildBacklog(now);
    for (;;) {
      if (Date.now() - started > budgetMs) return total;
      const turn = await this.turn(now);
      if (!turn) return total;
      const rows = turn.assignments + turn.interactions + turn.agreements + turn.payments + turn.installments;
      total += rows;
      if (rows === 0) return total;
    }
  }

  /**
   * Recounts `month` ('YYYY-MM') from raw history with set-based SQL, replacing what the turns had
   * added; rows of the month not final yet are left to the turns.
   */
  async rebuild(month: string): Promise<RebuildResult> {
    const started = Date.now();
    const period = monthPeriod(month, this.zone);
    const offsets = offsetSegments(this.zone, period.start, period.end);
    const result = await this.repository.locked(600, async (q) => {
      const counted = await this.rebuilder.rebuild(q, period, offsets);
      await this.repository.markSeeded(q, period.firstDay);
      return counted;
    });
    if (!result) throw new Error('The rollup lock could not be taken');
    const seconds = (Date.now() - started) / 1_000;
    this.logger.log(`rebuilt ${month} in ${seconds.toFixed(1)} s`);
    return { month, ...result, seconds };
  }

  /** A large backlog is recounted month by month (oldest first); returns the interactions counted. */
  private async rebuildBacklog(now: Date): Promise<number> {
    const backlog = await this.repository.interactionBacklog();
    if (backlog.pending < BACKLOG_REBUILD || !backlog.from || !backlog.to) return 0;
    const last = monthOf(this.zone, backlog.to > now ? backlog.to : now);
    let counted = 0;
    for (const month of monthsTouched(this.zone, backlog.from, new Date(`${last}T12:00:00Z`)))
      counted += (await this.rebuild(month.slice(0, 7))).interactions;
    return counted;
  }

  /** The `metrics.delinquency` job: the receivable balance by bucket and segment, recounted. */
  refreshDelinquency(now = new Date()): Promise<number> {
    return this.repository.refreshDelinquency(now);
  }

  /** A new month starts with every account each scope holds at its first instant. */
  private async seedMonthIfNew(q: QueryRunner, month: string): Promise<void> {
    if (await this.repository.isSeeded(q, month)) return;
    await this.rebuilder.seedMonth(q, monthPeriod(month.slice(0, 7), this.zone));
    await this.repository.markSeeded(q, month);
  }

  private async addAssignments(q: QueryRunner, spans: readonly AssignmentRow[], now: Date): Promise<void> {
    const hits = spans.flatMap((span) => this.hitsOf(span, now));
    await this.repository.addSweep(q, await this.repository.addMembers(q, hits));
  }

  /** The months a span touched (up to now) and the scopes it puts the account in. */
  private hitsOf(span: AssignmentRow, now: Date): SweepHit[] {
    const until = span.to && span.to < now ? span.to : now;
    if (until < span.from) return scopeHits(span, monthOf(this.zone, span.from));
    return monthsTouched(this.zone, span.from, until).flatMap((month) => scopeHits(span, month));
  }

  private async addInteractions(
    q: QueryRunner,
    deltas: DailyDeltas,
    interactions: readonly InteractionFact[],
  ): Promise<void> {
    const hits: SweepHit[] = [];
    for (const i of interactions) {
      if (!i.attempt) continue;
      deltas.add(i, i.at, i.currency, {
        attempts: 1,
        humanAnswered: i.humanAnswered ? 1 : 0,
        rightParty: i.rightParty ? 1 : 0,
        talkSeconds: i.talkSeconds,
        wrapSeconds: i.wrapSeconds,
      });
      hits.push(...scopeHits(i, monthOf(this.zone, i.at), i.rightParty));
    }
    await this.repository.addSweep(q, await this.repository.markAttempted(q, hits));
  }

  /** Counts installments on their due day; returns each one's new rollup state. */
  private addInstallments(deltas: DailyDeltas, installments: readonly InstallmentRow[]): Map<string, number> {
    const states = new Map<string, number>();
    for (const installment of installments) {
      const change = installmentChange(installment, this.zone);
      if (change.due !== 0 || change.kept !== 0)
        deltas.addOnDay(installment, installment.dueDate, installment.currency, {
          installmentsDue: change.due,
          installmentsKept: change.kept,
        });
      states.set(installment.id, change.state);
    }
    return states;
  }

  private addAgreements(deltas: DailyDeltas, agreements: readonly AgreementRow[]): void {
    for (const a of agreements)
      deltas.add(a, a.at, a.currency, { agreements: 1, promisedMinor: a.totalMinor });
  }

  /**
   * A payment counts on the day it was received; one reversed before it was counted never counts,
   * one reversed after is taken back from that same day, so the month that counted it corrects itself.
   */
  private addPayments(deltas: DailyDeltas, payments: readonly PaymentRow[]): void {
    for (const p of payments) {
      if (p.rolledUp === 0 && !p.reversed)
        deltas.add(p, p.paidAt, p.currency, { payments: 1, recoveredMinor: p.amountMinor });
      else if (p.rolledUp === 1 && p.reversed)
        deltas.add(p, p.paidAt, p.currency, { payments: -1, recoveredMinor: -p.amountMinor });
    }
  }
}

function scopeHits(keys: Parameters<typeof scopesOf>[0], month: string, rightParty = false): SweepHit[] {
  return scopesOf(keys).map(({ scope, scopeId }) => ({
    scope,
    scopeId,
    month,
    accountId: keys.accountId,
    rightParty,
  }));
}
