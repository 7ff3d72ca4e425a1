import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ConsentStatus,
  ContactPointType,
  Jurisdiction,
  MessageChannel,
  RecipientPoint,
} from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

export interface SendContext {
  clientId: string;
  debtorId: string;
  teamId: string | null;
  jurisdiction: Jurisdiction;
  /** When the debtor last wrote on the channel from this number (WhatsApp's 24-hour window). */
  lastInboundAt: Date | null;
}

/** The reads and writes around one outbound message: its account, the debtor's phones, its attempt. */
@Injectable()
export class MessageDispatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sendContext(
    accountId: string,
    channel: MessageChannel,
    address: string,
  ): Promise<SendContext | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.client_id, a.debtor_id, a.assigned_team_id, d.jurisdiction,
              (SELECT MAX(c.last_inbound_at) FROM conversations c WHERE c.channel = ? AND c.address = ?) AS last_inbound_at
         FROM accounts a JOIN debtors d ON d.id = a.debtor_id WHERE a.id = ?`,
      [channel, address, accountId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      clientId: String(r['client_id']),
      debtorId: String(r['debtor_id']),
      teamId: r['assigned_team_id'] === null ? null : String(r['assigned_team_id']),
      jurisdiction: r['jurisdiction'] as Jurisdiction,
      lastInboundAt: (r['last_inbound_at'] as Date | null) ?? null,
    };
  }

  /** The debtors' phones a message can go to, with each channel's own consent. */
  async pointsOf(debtorIds: readonly string[]): Promise<Map<string, RecipientPoint[]>> {
    const byDebtor = new Map<string, RecipientPoint[]>();
    if (debtorIds.length === 0) return byDebtor;
    const rows = (await this.dataSource.query(
      `SELECT cp.id, cp.debtor_id, cp.type, cp.value, cp.valid, cp.do_not_contact, cp.consent,
              sms.status AS sms_consent, wa.status AS whatsapp_consent
         FROM contact_points cp
         LEFT JOIN contact_point_consents sms ON sms.contact_point_id = cp.id AND sms.channel = 'sms'
         LEFT JOIN contact_point_consents wa ON wa.contact_point_id = cp.id AND wa.channel = 'whatsapp'
        WHERE cp.debtor_id IN (?) AND cp.type IN ('mobile', 'whatsapp')
        ORDER BY cp.id`,
      [debtorIds],
    )) as Raw[];
    for (const r of rows) {
      const debtorId = String(r['debtor_id']);
      const channelConsent: RecipientPoint['channelConsent'] = {};
      if (r['sms_consent'] !== null) channelConsent.sms = r['sms_consent'] as ConsentStatus;
      if (r['whatsapp_consent'] !== null) channelConsent.whatsapp = r['whatsapp_consent'] as ConsentStatus;
      const points = byDebtor.get(debtorId) ?? [];
      points.push({
        id: String(r['id']),
        type: r['type'] as ContactPointType,
        value: String(r['value']),
        valid: Boolean(Number(r['valid'])),
        doNotContact: Boolean(Number(r['do_not_contact'])),
        consent: r['consent'] as ConsentStatus,
        channelConsent,
      });
      byDebtor.set(debtorId, points);
    }
    return byDebtor;
  }

  /**
   * The attempt as an interaction, written before the carrier is asked so the gate's frequency caps
   * count it at once; a message has no ringing or talking, so it is queued, sent and over at `at`.
   */
  async insertAttempt(attempt: {
    accountId: string;
    debtorId: string;
    contactPointId: string;
    address: string;
    teamId: string | null;
    agentId: string | null;
    channel: MessageChannel;
    at: Date;
  }): Promise<string> {
    const result = (await this.dataSource.query(
      `INSERT INTO interactions (account_id, debtor_id, contact_point_id, phone, team_id, agent_id, channel, direction,
                                 stage, queued_at, dialed_at, ended_at, talk_seconds, wrap_seconds)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'outbound', 'sent', ?, ?, ?, 0, 0)`,
      [
        attempt.accountId,
        attempt.debtorId,
        attempt.contactPointId,
        attempt.address.slice(0, 20),
        attempt.teamId,
        attempt.agentId,
        attempt.channel,
        attempt.at,
        attempt.at,
        attempt.at,
      ],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async attemptSent(interactionId: string, carrierSid: string): Promise<void> {
    await this.dataSource.query('UPDATE interactions SET carrier_sid = ? WHERE id = ?', [
      carrierSid,
      interactionId,
    ]);
  }

  /** The carrier refused it: an attempt all the same (the gate counts it), that reached nobody. */
  async attemptFailed(interactionId: string): Promise<void> {
    await this.dataSource.query(
      "UPDATE interactions SET outcome = 'failed', end_reason = 'carrier_error' WHERE id = ?",
      [interactionId],
    );
  }
}
