import { Inject, Injectable } from '@nestjs/common';
import { STAT_WINDOWS, type DialerEngine } from '@recupera/dialer';
import {
  FLOOR_ALERT_LIMITS,
  agencyDate,
  agentTime,
  ratio,
  zonedInstant,
  type AgentStateView,
  type FloorAgent,
  type FloorAlert,
  type FloorCampaign,
  type FloorSnapshot,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { CampaignsService } from '../campaigns/campaigns.service';
import { ConversationsService } from '../conversations/conversations.service';
import { DIALER_ENGINE } from '../dialer/dialer.constant';
import {
  FloorSnapshotRepository,
  type FloorAgentRow,
  type FloorCampaignRow,
} from './floor-snapshot.repository';

/** Slow-moving figures (30-day abandon rate, the segment's size) are recounted at most this often. */
const SLOW_FIGURES_MS = 60_000;
const DAY_MS = 86_400_000;
const ON_A_CALL: readonly AgentStateView['state'][] = ['reserved', 'on_call', 'wrap_up', 'preview'];

function flagsRate(flags: readonly boolean[]): number | null {
  return flags.length === 0 ? null : flags.filter(Boolean).length / flags.length;
}

/**
 * The supervisor's floor at an instant: every agent of their teams with state, call and the day so
 * far; every campaign those teams work with its live pacing, queue, abandon rates against the cap,
 * compliance refusals and sweep; and the alerts a supervisor acts on.
 */
@Injectable()
export class FloorSnapshotService {
  private readonly slow = new Map<string, { at: number; value: number | null }>();

  constructor(
    private readonly repository: FloorSnapshotRepository,
    private readonly campaigns: CampaignsService,
    private readonly conversations: ConversationsService,
    @Inject(DIALER_ENGINE) private readonly engine: DialerEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `teamIds` null: the whole floor (managers, admins). `viewer` is who the segment counts are for.
   * Instants are the dialer's clock, the one every state change was stamped with.
   */
  async snapshot(
    viewer: AuthUser,
    teamIds: string[] | null,
    now = this.engine.ctx.clock.now(),
  ): Promise<FloorSnapshot> {
    const today = agencyDate(this.config.agencyTimeZone, now);
    const midnight = zonedInstant(today, '00:00', this.config.agencyTimeZone);
    const [people, campaignRows, currency, pending, broken, chatQueues] = await Promise.all([
      this.repository.agents(teamIds),
      this.repository.campaigns(teamIds),
      this.repository.currencyOf(teamIds),
      this.repository.pendingAgreements(teamIds),
      this.repository.brokenAgreements(teamIds, new Date(now.getTime() - DAY_MS)),
      this.conversations.queueStats(teamIds ?? 'all', midnight, now),
    ]);
    const agents = await this.agents(people, today, midnight, now, currency);
    const campaigns = await Promise.all(campaignRows.map((c) => this.campaign(viewer, c, midnight, now)));
    return {
      at: now.toISOString(),
      currency,
      agents,
      campaigns,
      chatQueues,
      alerts: [
        ...agentAlerts(agents, now),
        ...campaignAlerts(campaigns),
        ...pending.map((p) => ({
          kind: 'agreement_pending' as const,
          subjectId: p.agreementId,
          subject: p.accountNumber,
          since: p.since.toISOString(),
          value: null,
        })),
        ...broken.map((b) => ({
          kind: 'agreement_broken' as const,
          subjectId: b.agreementId,
          subject: b.accountNumber,
          since: b.since.toISOString(),
          value: null,
        })),
      ],
    };
  }

  private async agents(
    people: FloorAgentRow[],
    today: string,
    midnight: Date,
    now: Date,
    currency: string | null,
  ): Promise<FloorAgent[]> {
    const ids = people.map((p) => p.agentId);
    const [states, history, counts, loads] = await Promise.all([
      Promise.all(ids.map((id) => this.engine.ctx.agents.get(id))),
      this.repository.stateChanges(ids, midnight),
      this.repository.agentDay(ids, today, currency),
      this.engine.ctx.agents.chatLoads(ids),
    ]);
    const callIds = states.filter((s) => s.callId && ON_A_CALL.includes(s.state)).map((s) => s.callId!);
    const calls = await this.repository.calls(callIds);
    return people.map((person, i) => {
      const state = { ...states[i], teamId: states[i].teamId ?? person.teamId };
      const day = counts.get(person.agentId);
      return {
        agentId: person.agentId,
        name: person.name,
        teamId: person.teamId,
        state,
        call: state.callId && ON_A_CALL.includes(state.state) ? (calls.get(state.callId) ?? null) : null,
        chats: loads[i]?.chats ?? 0,
        today: {
          ...agentTime(
            history.before.get(person.agentId) ?? null,
            history.changes.get(person.agentId) ?? [],
            midnight,
            now,
          ),
          calls: day?.calls ?? 0,
          contacts: day?.contacts ?? 0,
          rightPartyContacts: day?.rightPartyContacts ?? 0,
          promises: day?.promises ?? 0,
          promisedMinor: day?.promisedMinor ?? 0,
        },
      };
    });
  }

  private async campaign(
    viewer: AuthUser,
    row: FloorCampaignRow,
    midnight: Date,
    now: Date,
  ): Promise<FloorCampaign> {
    const { live, agents } = this.engine.ctx;
    const monthStart = zonedInstant(
      `${agencyDate(this.config.agencyTimeZone, now).slice(0, 7)}-01`,
      '00:00',
      this.config.agencyTimeZone,
    );
    const [hopperSize, lines, measured, waiting, floor, todayAnswered, refusals, attemptedToday] =
      await Promise.all([
        live.hopperSize(row.campaignId),
        live.lineCounts(row.campaignId, now.getTime(), 1_000),
        live.measurements(row.campaignId, now.getTime()),
        live.waitingSummary(row.campaignId),
        agents.floor(row.teamIds),
        this.repository.answered(row.campaignId, midnight),
        this.repository.refusalsByReason(row.campaignId, midnight),
        this.repository.accountsAttempted(row.campaignId, midnight),
      ]);
    const [days30, segment, attemptedMonth] = await Promise.all([
      this.slowly(`abandon30:${row.campaignId}`, async () => {
        const counts = await this.repository.answered(row.campaignId, new Date(now.getTime() - 30 * DAY_MS));
        return ratio(counts.abandoned, counts.answered);
      }),
      this.slowly(`segment:${row.campaignId}`, async () => {
        const count = await this.campaigns.segmentCount(viewer, row.campaignId);
        return count.assignedToTeams;
      }),
      this.slowly(`month:${row.campaignId}`, () =>
        this.repository.accountsAttempted(row.campaignId, monthStart),
      ),
    ]);
    const staffed = floor.free + floor.talkStartedAt.length + floor.wrapStartedAt.length;
    return {
      ...row,
      hopperSize,
      linesInFlight: lines.campaignLines,
      dialLevel: ratio(lines.campaignLines, staffed),
      answerRate: flagsRate(measured.outcomes.slice(0, STAT_WINDOWS.outcome)),
      abandon: {
        hour: ratio(measured.lastHour.abandoned, measured.lastHour.answered),
        today: ratio(todayAnswered.abandoned, todayAnswered.answered),
        days30,
      },
      waiting: waiting.count,
      longestWaitSeconds:
        waiting.oldestAt === null ? 0 : Math.max(0, Math.round((now.getTime() - waiting.oldestAt) / 1_000)),
      serviceLevel: ratio(todayAnswered.answered - todayAnswered.abandoned, todayAnswered.answered),
      blockedByReason: refusals,
      sweepToday: segment === null ? null : ratio(attemptedToday, segment),
      sweepMonth: segment === null || attemptedMonth === null ? null : ratio(attemptedMonth, segment),
    };
  }

  private async slowly(key: string, count: () => Promise<number | null>): Promise<number | null> {
    const cached = this.slow.get(key);
    if (cached && Date.now() - cached.at < SLOW_FIGURES_MS) return cached.value;
    const value = await count();
    this.slow.set(key, { at: Date.now(), value });
    return value;
  }
}

function secondsIn(state: AgentStateView, now: Date): number {
  return Math.round((now.getTime() - Date.parse(state.since)) / 1_000);
}

function agentAlerts(agents: FloorAgent[], now: Date): FloorAlert[] {
  const alerts: FloorAlert[] = [];
  for (const agent of agents) {
    const seconds = secondsIn(agent.state, now);
    const kind =
      agent.state.state === 'wrap_up' && seconds >= FLOOR_ALERT_LIMITS.wrapUpSeconds
        ? 'wrap_up_long'
        : agent.state.state === 'break' && seconds >= FLOOR_ALERT_LIMITS.breakSeconds
          ? 'break_long'
          : null;
    if (kind)
      alerts.push({
        kind,
        subjectId: agent.agentId,
        subject: agent.name,
        since: agent.state.since,
        value: seconds,
      });
  }
  return alerts;
}

function campaignAlerts(campaigns: FloorCampaign[]): FloorAlert[] {
  const alerts: FloorAlert[] = [];
  for (const c of campaigns) {
    const worst = Math.max(c.abandon.hour ?? 0, c.abandon.today ?? 0);
    if (worst >= (c.abandonCapBp / 10_000) * FLOOR_ALERT_LIMITS.abandonShareOfCap)
      alerts.push({
        kind: 'abandon_near_cap',
        subjectId: c.campaignId,
        subject: c.name,
        since: null,
        value: worst,
      });
    if (c.status === 'running' && c.hopperSize === 0 && c.linesInFlight === 0)
      alerts.push({ kind: 'hopper_empty', subjectId: c.campaignId, subject: c.name, since: null, value: 0 });
  }
  return alerts;
}
