import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SKIPPED_STAGE,
  type AccountStatus,
  type CallOutcome,
  type Channel,
  type ConsentStatus,
  type ContactPointType,
  type Direction,
} from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { TeamVisibility } from './compliance-gate.type';

/** What the gate needs about the account, its debtor and the contact point, read in one query. */
export interface AttemptContextRow {
  accountId: string;
  accountStatus: AccountStatus;
  assignedTeamId: string | null;
  debtorId: string;
  timeZone: string;
  jurisdiction: string;
  /** The account's open legal case, if it has one (at most one is open). */
  legalCase: { lawsuitServedAt: Date | null } | null;
  /** Null when no contact point was asked for, or it is not one of the debtor's. */
  contactPoint: {
    id: string;
    type: ContactPointType;
    valid: boolean;
    consent: ConsentStatus;
    doNotContact: boolean;
  } | null;
}

/** One earlier interaction as the frequency rules read it. */
export interface HistoryRow {
  at: Date;
  channel: Channel;
  contactPointId: string | null;
  outcome: CallOutcome | null;
  direction: Direction;
  rightPartyContact: boolean;
}

/** Whose attempts count: one debt (Reg F) or every account of the debtor (the LatAm laws). */
export type HistoryScope = { accountId: string } | { debtorId: string };

type Raw = Record<string, string | number | Date | null>;

/*
 * The dialer asks the gate about every candidate, so each read here is a single indexed query:
 * accounts by primary key joined to its debtor and contact point, and interactions through
 * ix_interactions_account_time (for a debtor, via ix_accounts_debtor first).
 */
@Injectable()
export class AttemptContextRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findContext(
    visibility: TeamVisibility,
    accountId: string,
    contactPointId: string | null,
    channel: Channel,
  ): Promise<AttemptContextRow | null> {
    const params: unknown[] = [contactPointId, channel, accountId];
    let scope = '';
    if (visibility !== 'all') {
      if (visibility.length === 0) return null;
      scope = ` AND a.assigned_team_id IN (${visibility.map(() => '?').join(', ')})`;
      params.push(...visibility);
    }
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.status, a.assigned_team_id, a.debtor_id, d.time_zone, d.jurisdiction,
              cp.id AS cp_id, cp.type AS cp_type, cp.valid AS cp_valid, COALESCE(cc.status, cp.consent) AS cp_consent,
              cp.do_not_contact AS cp_dnc, lc.id AS lc_id, lc.lawsuit_served_at AS lc_served_at
         FROM accounts a
         JOIN debtors d ON d.id = a.debtor_id
         LEFT JOIN contact_points cp ON cp.id = ? AND cp.debtor_id = a.debtor_id
         -- Consent given or withdrawn for one channel (an SMS "BAJA") outranks the point's own.
         LEFT JOIN contact_point_consents cc ON cc.contact_point_id = cp.id AND cc.channel = ?
         LEFT JOIN legal_cases lc ON lc.open_account_id = a.id
        WHERE a.id = ?${scope}`,
      params,
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      accountId: String(r['id']),
      accountStatus: r['status'] as AccountStatus,
      assignedTeamId: r['assigned_team_id'] === null ? null : String(r['assigned_team_id']),
      debtorId: String(r['debtor_id']),
      timeZone: String(r['time_zone']),
      jurisdiction: String(r['jurisdiction']),
      legalCase: r['lc_id'] === null ? null : { lawsuitServedAt: (r['lc_served_at'] as Date | null) ?? null },
      contactPoint:
        r['cp_id'] === null
          ? null
          : {
              id: String(r['cp_id']),
              type: r['cp_type'] as ContactPointType,
              valid: Boolean(Number(r['cp_valid'])),
              consent: r['cp_consent'] as ConsentStatus,
              doNotContact: Boolean(Number(r['cp_dnc'])),
            },
    };
  }

  /**
   * Interactions created since `since`, oldest first, with whether their disposition was an RPC. A
   * previewed account the agent skipped was never dialled, so it is no attempt.
   */
  async history(scope: HistoryScope, since: Date, exceptId?: string): Promise<HistoryRow[]> {
    const byDebtor = 'debtorId' in scope;
    const rows = (await this.dataSource.query(
      `SELECT COALESCE(i.dialed_at, i.queued_at, i.created_at) AS at, i.channel, i.contact_point_id,
              i.outcome, i.direction, COALESCE(disp.is_rpc, 0) AS is_rpc
         FROM interactions i
         ${byDebtor ? 'JOIN accounts a ON a.id = i.account_id' : ''}
         LEFT JOIN dispositions disp ON disp.id = i.disposition_id
        WHERE ${byDebtor ? 'a.debtor_id = ?' : 'i.account_id = ?'} AND i.created_at >= ?
          AND (i.stage IS NULL OR i.stage <> '${SKIPPED_STAGE}') AND i.id <> ?
        ORDER BY at`,
      [byDebtor ? scope.debtorId : scope.accountId, since, exceptId ?? '0'],
    )) as Raw[];
    return rows.map((r) => ({
      at: r['at'] as Date,
      channel: r['channel'] as Channel,
      contactPointId: r['contact_point_id'] === null ? null : String(r['contact_point_id']),
      outcome: r['outcome'] as CallOutcome | null,
      direction: r['direction'] as Direction,
      rightPartyContact: Boolean(Number(r['is_rpc'])),
    }));
  }
}
