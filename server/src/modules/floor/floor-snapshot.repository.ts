import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentState, CampaignStatus, DialMode, FloorAgentCall, StateChange } from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

export interface FloorAgentRow {
  agentId: string;
  name: string;
  teamId: string | null;
}

export interface FloorCampaignRow {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  dialMode: DialMode;
  teamIds: string[];
  abandonCapBp: number;
  linesPerAgent: number;
}

export interface AgentDayCounts {
  calls: number;
  contacts: number;
  rightPartyContacts: number;
  promises: number;
  promisedMinor: number;
}

export interface AnsweredCounts {
  answered: number;
  abandoned: number;
}

/** The reads behind the supervisor's floor: who is on it, what they did today, their campaigns. */
@Injectable()
export class FloorSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(sql: string, params: unknown[]): Promise<Raw[]> {
    return this.dataSource.query(sql, params) as Promise<Raw[]>;
  }

  /** Active agents of the teams (every team for null). */
  async agents(teamIds: string[] | null): Promise<FloorAgentRow[]> {
    if (teamIds?.length === 0) return [];
    const rows = await this.query(
      `SELECT id, full_name, team_id FROM users WHERE role = 'agent' AND active = 1
         ${teamIds ? 'AND team_id IN (?)' : ''} ORDER BY full_name`,
      teamIds ? [teamIds] : [],
    );
    return rows.map((r) => ({
      agentId: String(r['id']),
      name: String(r['full_name']),
      teamId: r['team_id'] === null ? null : String(r['team_id']),
    }));
  }

  async agentTeam(agentId: string): Promise<string | null | undefined> {
    const rows = await this.query("SELECT team_id FROM users WHERE id = ? AND role = 'agent'", [agentId]);
    if (!rows[0]) return undefined;
    return rows[0]['team_id'] === null ? null : String(rows[0]['team_id']);
  }

  /** The account behind each call (or previewed account) agents are on. */
  async calls(callIds: readonly string[]): Promise<Map<string, FloorAgentCall>> {
    if (callIds.length === 0) return new Map();
    const rows = await this.query(
      `SELECT i.id, i.account_id, a.account_number, d.full_name, i.campaign_id FROM interactions i
         JOIN accounts a ON a.id = i.account_id JOIN debtors d ON d.id = a.debtor_id WHERE i.id IN (?)`,
      [callIds],
    );
    return new Map(
      rows.map((r) => [
        String(r['id']),
        {
          callId: String(r['id']),
          accountId: String(r['account_id']),
          accountNumber: String(r['account_number']),
          debtorName: String(r['full_name']),
          campaignId: r['campaign_id'] === null ? null : String(r['campaign_id']),
        },
      ]),
    );
  }

  /** Each agent's state at `from` (their last change before it) and their changes since, in order. */
  async stateChanges(
    agentIds: readonly string[],
    from: Date,
  ): Promise<{ before: Map<string, AgentState>; changes: Map<string, StateChange[]> }> {
    const before = new Map<string, AgentState>();
    const changes = new Map<string, StateChange[]>();
    if (agentIds.length === 0) return { before, changes };
    const [earlier, since] = await Promise.all([
      this.query(
        `SELECT s.agent_id, s.state FROM agent_state_changes s
           JOIN (SELECT agent_id, MAX(id) AS id FROM agent_state_changes WHERE agent_id IN (?) AND at < ? GROUP BY agent_id) l
             ON l.id = s.id`,
        [agentIds, from],
      ),
      this.query(
        'SELECT agent_id, state, at FROM agent_state_changes WHERE agent_id IN (?) AND at >= ? ORDER BY agent_id, at, id',
        [agentIds, from],
      ),
    ]);
    for (const r of earlier) before.set(String(r['agent_id']), r['state'] as AgentState);
    for (const r of since) {
      const id = String(r['agent_id']);
      changes.set(id, [...(changes.get(id) ?? []), { state: r['state'] as AgentState, at: r['at'] as Date }]);
    }
    return { before, changes };
  }

  /** Today's attempts, contacts and promises per agent, from the rollup cube. */
  async agentDay(
    agentIds: readonly string[],
    day: string,
    currency: string | null,
  ): Promise<Map<string, AgentDayCounts>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.query(
      `SELECT agent_id, SUM(attempts) AS calls, SUM(human_answered) AS contacts, SUM(right_party) AS rpc,
              SUM(agreements) AS promises, SUM(IF(currency = ?, promised_minor, 0)) AS promised
         FROM metric_daily WHERE day = ? AND agent_id IN (?) GROUP BY agent_id`,
      [currency ?? '', day, agentIds],
    );
    return new Map(
      rows.map((r) => [
        String(r['agent_id']),
        {
          calls: Number(r['calls']),
          contacts: Number(r['contacts']),
          rightPartyContacts: Number(r['rpc']),
          promises: Number(r['promises']),
          promisedMinor: Number(r['promised']),
        },
      ]),
    );
  }

  /** The currency most of the teams' accounts are in: what the floor's money is shown in. */
  async currencyOf(teamIds: string[] | null): Promise<string | null> {
    const rows = await this.query(
      `SELECT p.currency FROM portfolios p JOIN campaigns c ON c.portfolio_id = p.id
         ${teamIds ? 'JOIN campaign_teams ct ON ct.campaign_id = c.id AND ct.team_id IN (?)' : ''}
        GROUP BY p.currency ORDER BY COUNT(*) DESC LIMIT 1`,
      teamIds && teamIds.length > 0 ? [teamIds] : [],
    );
    return rows[0] ? String(rows[0]['currency']) : null;
  }

  /** Running and paused campaigns the teams work. */
  async campaigns(teamIds: string[] | null): Promise<FloorCampaignRow[]> {
    if (teamIds?.length === 0) return [];
    const rows = await this.query(
      `SELECT c.id, c.name, c.status, c.dial_mode, c.abandon_cap_bp, c.pacing,
              (SELECT GROUP_CONCAT(t.team_id ORDER BY t.team_id) FROM campaign_teams t WHERE t.campaign_id = c.id) AS teams
         FROM campaigns c WHERE c.status IN ('running', 'paused')
         ${teamIds ? 'AND EXISTS (SELECT 1 FROM campaign_teams ct WHERE ct.campaign_id = c.id AND ct.team_id IN (?))' : ''}
        ORDER BY c.name`,
      teamIds ? [teamIds] : [],
    );
    return rows.map((r) => {
      const pacing = (typeof r['pacing'] === 'string' ? JSON.parse(r['pacing']) : r['pacing']) as {
        linesPerAgent?: number;
      };
      return {
        campaignId: String(r['id']),
        name: String(r['name']),
        status: r['status'] as CampaignStatus,
        dialMode: r['dial_mode'] as DialMode,
        teamIds: r['teams'] ? String(r['teams']).split(',') : [],
        abandonCapBp: Number(r['abandon_cap_bp']),
        linesPerAgent: Number(pacing?.linesPerAgent ?? 1),
      };
    });
  }

  /** People answered since `from` on a campaign, and how many of them were abandoned. */
  async answered(campaignId: string, from: Date): Promise<AnsweredCounts> {
    const [row] = await this.query(
      `SELECT COALESCE(SUM(outcome IN ('human', 'abandoned')), 0) AS answered,
              COALESCE(SUM(outcome = 'abandoned'), 0) AS abandoned
         FROM interactions WHERE campaign_id = ? AND created_at >= ?`,
      [campaignId, from],
    );
    return { answered: Number(row['answered']), abandoned: Number(row['abandoned']) };
  }

  async refusalsByReason(campaignId: string, from: Date): Promise<{ reason: string; count: number }[]> {
    const rows = await this.query(
      `SELECT reason, COUNT(*) AS n FROM compliance_refusals WHERE campaign_id = ? AND at >= ?
        GROUP BY reason ORDER BY n DESC, reason`,
      [campaignId, from],
    );
    return rows.map((r) => ({ reason: String(r['reason']), count: Number(r['n']) }));
  }

  /** Distinct accounts the campaign attempted since `from`. */
  async accountsAttempted(campaignId: string, from: Date): Promise<number> {
    const [row] = await this.query(
      `SELECT COUNT(DISTINCT account_id) AS n FROM interactions
        WHERE campaign_id = ? AND created_at >= ? AND (stage IS NULL OR stage NOT IN ('skipped', 'refused', 'preview'))`,
      [campaignId, from],
    );
    return Number(row['n']);
  }

  /** Agreements of the teams waiting for a supervisor's approval. */
  /** Agreements of the teams the daily check broke since `since`, newest first. */
  async brokenAgreements(
    teamIds: string[] | null,
    since: Date,
  ): Promise<{ agreementId: string; accountNumber: string; since: Date }[]> {
    if (teamIds?.length === 0) return [];
    const rows = await this.query(
      `SELECT g.id, a.account_number, g.closed_at FROM agreements g JOIN accounts a ON a.id = g.account_id
        WHERE g.status = 'broken' AND g.closed_at >= ? ${teamIds ? 'AND g.team_id IN (?)' : ''}
        ORDER BY g.closed_at DESC LIMIT 50`,
      teamIds ? [since, teamIds] : [since],
    );
    return rows.map((r) => ({
      agreementId: String(r['id']),
      accountNumber: String(r['account_number']),
      since: r['closed_at'] as Date,
    }));
  }

  async pendingAgreements(
    teamIds: string[] | null,
  ): Promise<{ agreementId: string; accountNumber: string; since: Date }[]> {
    if (teamIds?.length === 0) return [];
    const rows = await this.query(
      `SELECT g.id, a.account_number, g.created_at FROM agreements g JOIN accounts a ON a.id = g.account_id
        WHERE g.status = 'pending_approval' ${teamIds ? 'AND g.team_id IN (?)' : ''} ORDER BY g.created_at LIMIT 50`,
      teamIds ? [teamIds] : [],
    );
    return rows.map((r) => ({
      agreementId: String(r['id']),
      accountNumber: String(r['account_number']),
      since: r['created_at'] as Date,
    }));
  }
}
