import { Injectable, Logger } from '@nestjs/common';
import {
  pickReminderRoute,
  type ReminderKind,
  type ReminderResponse,
  type TemplatePurpose,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { MessageDispatchService } from '../message-campaigns/message-dispatch.service';
import { MessageTemplatesService } from '../message-campaigns/message-templates.service';
import { TeamsService } from '../teams/teams.service';
import type { ReminderListQueryDto } from './promises.dto';
import { RemindersRepository, type ReminderSettlement, type ReminderToSend } from './reminders.repository';

const LIMIT = 500;
const BATCH = 50;
/** A reminder refused for the hour (the debtor's window) is tried again this many times at most… */
const MAX_ATTEMPTS = 3;
/** …and only while the refusal lifts within a day: a reminder days late has lost its point. */
const MAX_POSTPONE_MS = 24 * 3_600_000;
/** A reminder claimed this long ago by a process that never settled it was interrupted. */
const STALE_CLAIM_MS = 15 * 60_000;

const PURPOSE_OF: Readonly<Record<ReminderKind, TemplatePurpose>> = {
  before_due: 'installment_reminder',
  broken_notice: 'broken_promise',
};

export interface ReminderRunResult {
  sent: number;
  blocked: number;
  failed: number;
  cancelled: number;
  /** Refused for the hour and due again when the refusal lifts. */
  postponed: number;
}

/** The reminders a supervisor's teams owe their debtors, and their sending once due. */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly teams: TeamsService,
    private readonly templates: MessageTemplatesService,
    private readonly dispatch: MessageDispatchService,
  ) {}

  async list(user: AuthUser, query: ReminderListQueryDto): Promise<ReminderResponse[]> {
    return this.reminders.list(await this.teams.visibleTeamIds(user), query.status, LIMIT);
  }

  /**
   * Sends every reminder due by now with the client's active template of its purpose, each once: it
   * is claimed before the carrier is asked, then marked sent, blocked (with the reason), failed or
   * cancelled (paid or renegotiated since). `at` fixes the instant (tests).
   */
  async sendDue(at?: Date): Promise<ReminderRunResult> {
    const clock = () => at ?? new Date();
    const result: ReminderRunResult = { sent: 0, blocked: 0, failed: 0, cancelled: 0, postponed: 0 };
    result.failed += await this.reminders.interruptStale(new Date(clock().getTime() - STALE_CLAIM_MS));
    for (;;) {
      const ids = await this.reminders.dueIds(clock(), BATCH);
      for (const id of ids) {
        const now = clock();
        if (!(await this.reminders.claim(id, now))) continue;
        const settlement = await this.settlementFor(id, now);
        await this.reminders.settle(id, settlement);
        if (settlement.status === 'due') result.postponed++;
        else result[settlement.status]++;
      }
      if (ids.length < BATCH) return result;
    }
  }

  private async settlementFor(id: string, now: Date): Promise<ReminderSettlement> {
    const reminder = await this.reminders.toSend(id);
    if (!reminder || !reminder.relevant)
      return { status: 'cancelled', channel: null, reason: null, messageId: null };
    try {
      return await this.send(reminder, now);
    } catch (error) {
      this.logger.error(`Reminder ${id}: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 'failed', channel: null, reason: 'internal_error', messageId: null };
    }
  }

  private async send(reminder: ReminderToSend, now: Date): Promise<ReminderSettlement> {
    const templates = await this.templates.activeFor(reminder.clientId, PURPOSE_OF[reminder.kind]);
    const points = (await this.dispatch.pointsOf([reminder.debtorId])).get(reminder.debtorId) ?? [];
    const route = pickReminderRoute(templates, points);
    if ('problem' in route)
      return { status: 'blocked', channel: null, reason: route.problem, messageId: null };
    const channel = route.template.channel;
    const result = await this.dispatch.dispatch(
      {
        accountId: reminder.accountId,
        channel,
        point: route.point,
        content: {
          template: route.template,
          installment: {
            number: reminder.installment.number,
            amount: { amountMinor: reminder.installment.owedMinor, currency: reminder.currency },
            dueDate: reminder.installment.dueDate,
          },
        },
        messageCampaignId: null,
        agentId: null,
        paced: true,
      },
      now,
    );
    switch (result.outcome) {
      case 'sent':
        return { status: 'sent', channel, reason: null, messageId: result.messageId };
      case 'failed':
        return { status: 'failed', channel, reason: result.reason, messageId: null };
      case 'blocked': {
        const retryAt = result.retryAt;
        const waits =
          retryAt !== null &&
          reminder.attempts < MAX_ATTEMPTS &&
          retryAt.getTime() - now.getTime() <= MAX_POSTPONE_MS;
        return waits
          ? { status: 'due', channel, reason: result.reason, messageId: null, dueAt: retryAt }
          : { status: 'blocked', channel, reason: result.reason, messageId: null };
      }
    }
  }
}
