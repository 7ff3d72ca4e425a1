import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallbackTarget, HopperEntry, StoredCallView } from '@recupera/dialer';
import type {
  AgentStateView,
  CampaignSchedule,
  CampaignStatus,
  DialMode,
  DispositionCategory,
  DispositionOption,
  MachineAction,
  RetryRule,
  WrapUpOverrun,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { WORKABLE_ACCOUNT_STATUS } from '../campaigns/campaigns.repository';
import { segmentWhere } from '../campaigns/campaign-segment.util';
import type { Campaign } from '../campaigns/campaign.entity';

/** A running campaign's row with its teams, as the dialer reads it. */
export interface DialerCampaignRow {
  id: string;
  name: string;
  portfolioId: string;
  status: CampaignStatus;
  dialMode: DialMode;
  linesPerAgent: number;
  maxLinesPerAgent: number;
  abandonCapBp: number;
  ringTimeoutSeconds: number;
  machineAction: MachineAction;
  abandonMessage: string;
  wrapUpLimitSeconds: number | null;
  wrapUpOverrun: WrapUpOverrun;
  retryRules: RetryRule[];
  schedule: CampaignSchedule;
  segment: Campaign['segment'];
  teamIds: string[];
}

/** Column names of interactions the dialer writes as a call goes on. */
const ATTEMPT_COLUMNS = {
  dialedAt: 'dialed_at',
  ringingAt: 'ringing_at',
  answeredAt: 'answered_at',
  connectedAt: 'connected_at',
  endedAt: 'ended_at',
  carrierSid: 'carrier_sid',
  stage: 'stage',
  outcome: 'outcome',
  agentId: 'agent_id',
  teamId: 'team_id',
  talkSeconds: 'talk_seconds',
  wrapSeconds: 'wrap_seconds',
  endReason: 'end_reason',
  transferredTo: 'transferred_to',
  transferredAt: 'transferred_at',
} as const;

export type AttemptColumnChanges = Partial<Record<keyof typeof ATTEMPT_COLUMNS, unknown>>;

type Raw = Record<string, unknown>;

/** A campaign call uses its campaign's codes; an agent's own dial, the agency's first disposition set. */
const DISPOSITION_SET_OF_CALL =
  'COALESCE(c.disposition_set_id, (SELECT MIN(ds.id) FROM disposition_sets ds))';

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * The dialer's reads and writes. Candidate accounts come from the segment index
 * (ix_accounts_campaign_segment) with the debtor's best voice number picked by a correlated
 * subquery on uq_contact_points_debtor_type_value; an account refused by the gate stays out until
 * the instant the refusal named (ix_compliance_refusals_account_at).
 */
@Injectable()
export class DialerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runningCampaignIds(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      "SELECT id FROM campaigns WHERE status = 'running' AND channel = 'voice' ORDER BY id",
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  async runningCampaignIdsOfTeam(teamId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.id FROM campaigns c JOIN campaign_teams ct ON ct.campaign_id = c.id
        WHERE ct.team_id = ? AND c.status = 'running' AND c.channel = 'voice' ORDER BY c.id`,
      [teamId],
    )) as Raw[];
    return rows.map((r) => String(r['id']));
  }

  async campaign(id: string): Promise<DialerCampaignRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.name, c.portfolio_id, c.status, c.dial_mode, c.pacing, c.abandon_cap_bp,
              c.ring_timeout_seconds, c.machine_action, c.abandon_message, c.retry_rules, c.schedule,
              c.wrap_up_limit_seconds, c.wrap_up_overrun,
              c.segment, (SELECT GROUP_CONCAT(ct.team_id ORDER BY ct.team_id) FROM campaign_teams ct
                           WHERE ct.campaign_id = c.id) AS team_ids
         FROM campaigns c WHERE c.id = ?`,
      [id],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    const pacing = json<{ linesPerAgent: number; maxLinesPerAgent: number }>(r['pacing']);
    return {
      id: String(r['id']),
      name: String(r['name']),
      portfolioId: String(r['portfolio_id']),
      status: r['status'] as CampaignStatus,
      dialMode: r['dial_mode'] as DialMode,
      linesPerAgent: pacing.linesPerAgent,
      maxLinesPerAgent: pacing.maxLinesPerAgent,
      abandonCapBp: Number(r['abandon_cap_bp']),
      ringTimeoutSeconds: Number(r['ring_timeout_seconds']),
      machineAction: r['machine_action'] as MachineAction,
      abandonMessage: String(r['abandon_message']),
      wrapUpLimitSeconds: r['wrap_up_limit_seconds'] === null ? null : Number(r['wrap_up_limit_seconds']),
      wrapUpOverrun: r['wrap_up_overrun'] as WrapUpOverrun,
      retryRules: json<RetryRule[]>(r['retry_rules']),
      schedule: json<CampaignSchedule>(r['schedule']),
      segment: json<Campaign['segment']>(r['segment']),
      teamIds: r['team_ids'] ? String(r['team_ids']).split(',') : [],
    };
  }

  /** See DialerStorePort.candidates; `freshSince` leaves out accounts attempted after it. */
  async candidates(
    campaign: DialerCampaignRow,
    limit: number,
    now: Date,
    freshSince: Date,
    onlyAccount?: { accountId: string; contactPointId: string },
  ): Promise<HopperEntry[]> {
    if (campaign.teamIds.length === 0) return [];
    const segment = segmentWhere(campaign.segment, 'a');
    const qb = this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .select('a.id', 'account_id')
      .innerJoin(
        'contact_points',
        'cp',
        onlyAccount
          ? 'cp.id = :onlyPoint AND cp.debtor_id = a.debtor_id'
          : `cp.id = (SELECT c2.id FROM contact_points c2
                       WHERE c2.debtor_id = a.debtor_id AND c2.type IN ('mobile', 'landline') AND c2.valid = 1
                       ORDER BY c2.do_not_contact, c2.type = 'landline', c2.id LIMIT 1)`,
      )
      .addSelect('cp.id', 'contact_point_id')
      .addSelect('cp.value', 'phone')
      .where('a.portfolio_id = :portfolioId', { portfolioId: campaign.portfolioId })
      .andWhere('a.status = :workable', { workable: WORKABLE_ACCOUNT_STATUS })
      .andWhere(segment.sql, segment.params)
      .andWhere('a.assigned_team_id IN (:...teamIds)', { teamIds: campaign.teamIds })
      .limit(limit);
    if (onlyAccount) {
      qb.andWhere('a.id = :onlyAccount', { onlyAccount: onlyAccount.accountId }).setParameter(
        'onlyPoint',
        onlyAccount.contactPointId,
      );
    } else {
      qb.andWhere('(a.last_attempt_at IS NULL OR a.last_attempt_at < :freshSince)', { freshSince })
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM compliance_refusals r WHERE r.account_id = a.id
             AND (r.retry_at > :now OR (r.retry_at IS NULL AND r.at > :dayAgo)))`,
          { now, dayAgo: new Date(now.getTime() - 86_400_000) },
        )
        .orderBy(
          `EXISTS (SELECT 1 FROM callbacks cb WHERE cb.account_id = a.id AND cb.status = 'scheduled' AND cb.due_at <= :now)`,
          'DESC',
        )
        .addOrderBy(
          `EXISTS (SELECT 1 FROM agreements ag WHERE ag.account_id = a.id AND ag.status = 'broken')`,
          'DESC',
        )
        .addOrderBy('a.balance_minor', 'DESC')
        .addOrderBy('a.days_past_due', 'DESC')
        .addOrderBy('a.score', 'DESC')
        .addOrderBy('a.id', 'ASC');
    }
    const rows = await qb.getRawMany<Raw>();
    return rows.map((r) => ({
      accountId: String(r['account_id']),
      contactPointId: String(r['contact_point_id']),
      phone: String(r['phone']),
    }));
  }

  /**
   * Stores the attempt as queued and marks the account attempted, in one transaction. An agent's
   * own dial has no campaign and is theirs from the start.
   */
  async insertAttempt(
    campaignId: string | null,
    entry: HopperEntry,
    now: Date,
    agentId: string | null = null,
  ): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      const result = (await tx.query(
        `INSERT INTO interactions (account_id, debtor_id, contact_point_id, phone, campaign_id, team_id, agent_id,
                                   channel, direction, stage, queued_at, talk_seconds, wrap_seconds)
         SELECT a.id, a.debtor_id, ?, ?, ?, a.assigned_team_id, ?, 'voice', 'outbound', 'queued', ?, 0, 0
           FROM accounts a WHERE a.id = ?`,
        [entry.contactPointId, entry.phone, campaignId, agentId, now, entry.accountId],
      )) as { insertId: number };
      await tx.query('UPDATE accounts SET last_attempt_at = ? WHERE id = ?', [now, entry.accountId]);
      return String(result.insertId);
    });
  }

  /** The debtor's phone of the account, if it is one (a voice contact point of that debtor). */
  async voiceContactPoint(accountId: string, contactPointId: string): Promise<HopperEntry | null> {
    const rows = (await this.dataSource.query(
      `SELECT cp.id, cp.value FROM accounts a JOIN contact_points cp ON cp.debtor_id = a.debtor_id
        WHERE a.id = ? AND cp.id = ? AND cp.type IN ('mobile', 'landline')`,
      [accountId, contactPointId],
    )) as Raw[];
    const r = rows[0];
    return r ? { accountId, contactPointId: String(r['id']), phone: String(r['value']) } : null;
  }

  async updateAttempt(callId: string, changes: AttemptColumnChanges): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      sets.push(`${ATTEMPT_COLUMNS[key as keyof typeof ATTEMPT_COLUMNS]} = ?`);
      params.push(value);
    }
    if (sets.length === 0) return;
    await this.dataSource.query(`UPDATE interactions SET ${sets.join(', ')} WHERE id = ?`, [
      ...params,
      callId,
    ]);
  }

  async userName(userId: string): Promise<string> {
    const rows = (await this.dataSource.query('SELECT full_name FROM users WHERE id = ?', [userId])) as Raw[];
    return rows[0] ? String(rows[0]['full_name']) : '';
  }

  async callView(callId: string): Promise<StoredCallView | null> {
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.campaign_id, c.name AS campaign_name, ${DISPOSITION_SET_OF_CALL} AS disposition_set_id, a.id AS account_id, a.account_number,
              d.full_name, i.phone, a.balance_minor, a.currency, a.days_past_due, i.connected_at,
              c.wrap_up_limit_seconds
         FROM interactions i
         JOIN accounts a ON a.id = i.account_id
         JOIN debtors d ON d.id = a.debtor_id
         LEFT JOIN campaigns c ON c.id = i.campaign_id
        WHERE i.id = ?`,
      [callId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      callId: String(r['id']),
      campaignId: String(r['campaign_id'] ?? ''),
      campaignName: String(r['campaign_name'] ?? ''),
      accountId: String(r['account_id']),
      accountNumber: String(r['account_number']),
      debtorName: String(r['full_name'] ?? ''),
      phone: String(r['phone'] ?? ''),
      balanceMinor: Number(r['balance_minor']),
      currency: String(r['currency']),
      daysPastDue: Number(r['days_past_due']),
      connectedAt: (r['connected_at'] instanceof Date ? r['connected_at'] : new Date()).toISOString(),
      dispositions: r['disposition_set_id']
        ? await this.dispositionsOfSet(String(r['disposition_set_id']))
        : [],
      wrapUpLimitSeconds: r['wrap_up_limit_seconds'] === null ? null : Number(r['wrap_up_limit_seconds']),
    };
  }

  async dispositionsOfSet(setId: string): Promise<DispositionOption[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, code, label_es, label_en, category, is_contact, is_rpc, is_promise FROM dispositions
        WHERE set_id = ? AND active = 1 ORDER BY category, code`,
      [setId],
    )) as Raw[];
    return rows.map((d) => ({
      id: String(d['id']),
      code: String(d['code']),
      labelEs: String(d['label_es']),
      labelEn: String(d['label_en']),
      category: d['category'] as DispositionCategory,
      isContact: Boolean(Number(d['is_contact'])),
      isRpc: Boolean(Number(d['is_rpc'])),
      isPromise: Boolean(Number(d['is_promise'])),
    }));
  }

  /** The call as its wrap-up needs it: the agent on it, the campaign's disposition set, the account. */
  async wrapUpContext(callId: string): Promise<{
    accountId: string;
    agentId: string | null;
    teamId: string | null;
    setId: string | null;
  } | null> {
    const rows = (await this.dataSource.query(
      `SELECT i.account_id, i.agent_id, i.team_id, ${DISPOSITION_SET_OF_CALL} AS disposition_set_id
         FROM interactions i LEFT JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = ?`,
      [callId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return {
      accountId: String(r['account_id']),
      agentId: text(r['agent_id']),
      teamId: text(r['team_id']),
      setId: text(r['disposition_set_id']),
    };
  }

  async dispositionByCode(setId: string, code: string): Promise<DispositionOption | null> {
    return (await this.dispositionsOfSet(setId)).find((d) => d.code === code) ?? null;
  }

  async hasAgreementOn(callId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 FROM agreements WHERE interaction_id = ? LIMIT 1', [
      callId,
    ])) as Raw[];
    return rows.length > 0;
  }

  /** The disposition and notes on the call, the account's last disposition, and the callback, at once. */
  async saveWrapUp(
    callId: string,
    accountId: string,
    disposition: DispositionOption,
    notes: string | null,
    callback: { dueAt: Date; agentId: string | null; teamId: string | null; createdBy: string } | null,
  ): Promise<string | null> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('UPDATE interactions SET disposition_id = ?, notes = ? WHERE id = ?', [
        disposition.id,
        notes,
        callId,
      ]);
      await tx.query('UPDATE accounts SET last_disposition_code = ? WHERE id = ?', [
        disposition.code,
        accountId,
      ]);
      if (!callback) return null;
      const result = (await tx.query(
        `INSERT INTO callbacks (account_id, agent_id, team_id, due_at, status, interaction_id, created_by)
         VALUES (?, ?, ?, ?, 'scheduled', ?, ?)`,
        [accountId, callback.agentId, callback.teamId, callback.dueAt, callId, callback.createdBy],
      )) as { insertId: number };
      return String(result.insertId);
    });
  }

  async markCallbackQueued(callbackId: string): Promise<void> {
    await this.dataSource.query(
      "UPDATE callbacks SET status = 'done' WHERE id = ? AND status = 'scheduled'",
      [callbackId],
    );
  }

  async insertAgentState(view: AgentStateView): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO agent_state_changes (agent_id, team_id, state, break_reason, interaction_id, campaign_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        view.agentId,
        view.teamId,
        view.state,
        view.breakReason,
        view.callId,
        view.campaignId,
        new Date(view.since),
      ],
    );
  }

  /** The callback's account and its best number, and the running campaigns whose teams hold it. */
  async callbackTarget(callbackId: string): Promise<CallbackTarget | null> {
    const rows = (await this.dataSource.query(
      `SELECT cb.account_id, cb.agent_id, cp.id AS cp_id, cp.value AS phone,
              (SELECT GROUP_CONCAT(c.id) FROM campaigns c JOIN campaign_teams ct ON ct.campaign_id = c.id
                WHERE c.portfolio_id = a.portfolio_id AND c.status = 'running' AND ct.team_id = a.assigned_team_id)
                AS campaign_ids
         FROM callbacks cb
         JOIN accounts a ON a.id = cb.account_id
         JOIN contact_points cp ON cp.id = (SELECT c2.id FROM contact_points c2
                WHERE c2.debtor_id = a.debtor_id AND c2.type IN ('mobile', 'landline') AND c2.valid = 1
                ORDER BY c2.do_not_contact, c2.type = 'landline', c2.id LIMIT 1)
        WHERE cb.id = ? AND cb.status = 'scheduled'`,
      [callbackId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      entry: {
        accountId: String(r['account_id']),
        contactPointId: String(r['cp_id']),
        phone: String(r['phone']),
      },
      campaignIds: r['campaign_ids'] ? String(r['campaign_ids']).split(',') : [],
      agentId: r['agent_id'] === null ? null : String(r['agent_id']),
    };
  }
}
