import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DialerEngine, HopperEntry } from '@recupera/dialer';
import {
  addDays,
  agencyDate,
  offsetSegments,
  zonedInstant,
  type IsoDate,
  type PromiseCheckResult,
} from '@recupera/shared';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { FloorEventsService } from '../realtime/floor-events.service';
import { PromiseCheckRepository, type BrokenAgreementRow, type HopperPush } from './promise-check.repository';
import { retryOnLockConflict } from '../../database/lock-retry.util';

/** Reminders go out at this hour of the agency's day, `reminder_days` before the due date. */
export const REMINDER_SEND_TIME = '09:00';
/** No client's reminders are sent further ahead than this. */
export const MAX_REMINDER_DAYS = 60;
/**
 * Payments' local dates are read with the zone's offsets over this many days back; older ones
 * (long-kept installments of a long plan) take the oldest offset, which for a DST zone can only move
 * a payment made within an hour of midnight more than a year ago.
 */
const PAID_OFFSETS_DAYS = 400;
/**
 * The front of a hopper: the priority class callbacks due are pushed with (PRIORITY.callback in
 * dialer/src/runner/pacing-tick.service.ts); the refill's ordering finds the rest.
 */
const FRONT_OF_HOPPER = 0;
/** At most this many broken accounts jump each campaign's queue at once (a catch-up of weeks). */
const HOPPER_PUSHES_PER_CAMPAIGN = 200;
const DAY_MS = 86_400_000;

/**
 * The daily broken-promise check (DESIGN.md §5.2): every installment of an active agreement whose
 * deadline — due date + the client's grace days, the rule of `promiseOutcome` — has passed and that
 * was not paid in full by then breaks its agreement; later installments go on hold; the account is
 * worked again from the top of its campaigns' hoppers; the agent who made the agreement and their
 * supervisor are told (socket event and a notification kept for later); payment reminders and the
 * broken-agreement notice are recorded as due. Idempotent and safe from any number of processes.
 */
@Injectable()
export class PromiseCheckService {
  private readonly logger = new Logger(PromiseCheckService.name);

  constructor(
    private readonly repository: PromiseCheckRepository,
    private readonly events: FloorEventsService,
    private readonly lifecycle: LifecycleEvents,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(now = new Date()): Promise<PromiseCheckResult> {
    const started = performance.now();
    const zone = this.config.agencyTimeZone;
    const today = agencyDate(zone, now);
    const segments = offsetSegments(zone, new Date(now.getTime() - PAID_OFFSETS_DAYS * DAY_MS), now);
    // The check's transaction may lose a lock to the rollup turns or a payment; it is idempotent.
    const outcome = await retryOnLockConflict(() =>
      this.repository.locked(async (q) => {
        const checked = await this.repository.collectCandidates(q, today, segments);
        const broken = await this.repository.breakCandidates(q, now, today, segments);
        const rows = broken > 0 ? await this.repository.brokenNow(q, now) : [];
        const pushes =
          broken > 0 ? await this.repository.hopperPushes(q, 20 * HOPPER_PUSHES_PER_CAMPAIGN) : [];
        const maxDays = await this.repository.maxReminderDays(q, MAX_REMINDER_DAYS);
        const reminders = await this.repository.recordReminders(
          q,
          now,
          today,
          reminderSendTimes(today, maxDays, zone),
          maxDays,
          addDays(today, maxDays),
        );
        await this.repository.recordRun(q, {
          day: today,
          startedAt: now,
          finishedAt: new Date(now.getTime() + Math.round(performance.now() - started)),
          checked,
          broken,
          reminders,
        });
        return { checked, broken, rows, pushes, reminders };
      }),
    );
    if (!outcome) return { checked: 0, broken: 0, seconds: elapsed(started) };
    await this.announce(outcome.rows, now);
    await this.pushToHoppers(outcome.pushes);
    const seconds = elapsed(started);
    if (outcome.broken > 0 || outcome.reminders > 0)
      this.logger.log(
        `promise check ${today}: ${outcome.checked} installments checked, ${outcome.broken} agreements broken, ` +
          `${outcome.reminders} reminders due (${seconds.toFixed(1)} s)`,
      );
    return { checked: outcome.checked, broken: outcome.broken, seconds };
  }

  /** True when the check ran before but not yet on the agency's day of `now` (the server was down). */
  async missedRun(now = new Date()): Promise<boolean> {
    const last = await this.repository.lastRunDay();
    return last !== null && last < agencyDate(this.config.agencyTimeZone, now);
  }

  private async announce(rows: BrokenAgreementRow[], now: Date): Promise<void> {
    for (const { notice, installmentId } of rows) {
      if (notice.agentId) this.events.toAgent(notice.agentId, 'agreement.broken', notice);
      this.events.toSupervisors(
        { teamIds: notice.teamId ? [notice.teamId] : [] },
        'agreement.broken',
        notice,
      );
      await this.lifecycle.emit('agreement.broken', {
        accountId: notice.accountId,
        agreementId: notice.agreementId,
        installmentId,
        at: now,
      });
    }
  }

  private async pushToHoppers(pushes: HopperPush[]): Promise<void> {
    const byCampaign = new Map<string, HopperEntry[]>();
    for (const { campaignId, ...entry } of pushes) {
      const entries = byCampaign.get(campaignId) ?? [];
      if (entries.length < HOPPER_PUSHES_PER_CAMPAIGN) entries.push(entry);
      byCampaign.set(campaignId, entries);
    }
    for (const [campaignId, entries] of byCampaign)
      await this.engine.ctx.live.pushHopper(campaignId, entries, FRONT_OF_HOPPER);
  }
}

/** 09:00 of the agency's day for each day a reminder due now or since could have been meant for. */
export function reminderSendTimes(today: IsoDate, maxDays: number, zone: string): Map<IsoDate, Date> {
  const times = new Map<IsoDate, Date>();
  for (let back = maxDays; back >= 0; back--) {
    const day = addDays(today, -back);
    times.set(day, zonedInstant(day, REMINDER_SEND_TIME, zone));
  }
  return times;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
