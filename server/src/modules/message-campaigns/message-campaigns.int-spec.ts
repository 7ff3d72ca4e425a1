import { getQueueToken } from '@nestjs/bullmq';
import {
  ComplianceError,
  MESSAGE_CAMPAIGNS_QUEUE,
  type AccountDetail,
  type MessageCampaignJobName,
  type MessageCampaignJobs,
  type MessageCampaignSendView,
  type MessageCampaignView,
  type MessageReminderJobName,
  type MessageReminderJobs,
  type MessageTemplateView,
  type OutboundMessageResponse,
  type Page,
  type ReminderResponse,
  type SimulatedOutboxMessage,
} from '@recupera/shared';
import type { Job, Queue } from 'bullmq';
import { DialerFixtures, WEDNESDAY_MORNING_IN_BOGOTA, until } from '../../testing/dialer-fixtures.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { ComplianceGateService } from '../compliance/compliance-gate.service';
import { DemoRepository } from '../demo/demo.repository';
import { RemindersProcessor } from '../promises/reminders.processor';
import { RemindersService } from '../promises/reminders.service';
import { DEFAULT_MESSAGE_TEMPLATES } from './default-message-templates.constant';
import { MessageCampaignProcessor } from './message-campaign.processor';
import { MessageCampaignRunnerService } from './message-campaign-runner.service';

type Row = Record<string, unknown>;

const NOW = WEDNESDAY_MORNING_IN_BOGOTA;
const AT = NOW.toISOString();
const HX = 'HX0123456789abcdef0123456789abcdef';
/** Intl puts a no-break space between a currency and its amount. */
const NBSP = '\u00a0';

/**
 * Banco Andino (CO) with portfolios p1 and p2; teams A and B under "sup", team C under "supc" (no
 * accounts). Every send is judged at Wednesday 2 December 2026, 10:00 in Bogotá (midnight in Tokyo).
 * No worker runs in this app: jobs are handed to the processors by the test, with that instant.
 */
describe('Message campaigns, templates and reminders', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let admin: string;
  let manager: string;
  let sup: string;
  let supC: string;
  let agentA: string;
  let agentB: string;
  const templates: Record<string, MessageTemplateView> = {};

  async function rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    const [result] = (await t.db.query(sql, params)) as unknown as [Row[]];
    return result;
  }

  async function outbox(to: string): Promise<SimulatedOutboxMessage[]> {
    const response = await api<SimulatedOutboxMessage[]>(
      t.url,
      'GET',
      `/simulated-carrier/outbox?to=${encodeURIComponent(to)}`,
      { token: admin },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  /** An account of Banco Andino with one mobile (consent granted), 45 days past due. */
  async function account(
    number: string,
    phone: string,
    options: { portfolio?: string; team?: string; zone?: string } = {},
  ): Promise<string> {
    await f.account(
      number,
      options.portfolio ?? f.ids['p1']!,
      options.team ?? f.ids['teamA']!,
      options.zone ?? 'America/Bogota',
      phone,
    );
    return f.ids[number]!;
  }

  async function pointOf(accountId: string): Promise<string> {
    const [point] = await rows(
      'SELECT cp.id FROM contact_points cp JOIN accounts a ON a.debtor_id = cp.debtor_id WHERE a.id = ?',
      [accountId],
    );
    return String(point!['id']);
  }

  async function createTemplate(key: string, body: Record<string, unknown>): Promise<MessageTemplateView> {
    const response = await api<MessageTemplateView>(t.url, 'POST', '/message-templates', {
      token: manager,
      body,
    });
    expect(response.status).toBe(201);
    templates[key] = response.body;
    return response.body;
  }

  async function createCampaign(
    token: string,
    body: Record<string, unknown>,
  ): Promise<{ status: number; body: MessageCampaignView }> {
    return api<MessageCampaignView>(t.url, 'POST', '/message-campaigns', { token, body });
  }

  function runJob(campaignId: string): Promise<unknown> {
    const job = { name: 'message-campaign.run', data: { campaignId, at: AT } } as unknown as Job<
      MessageCampaignJobs['message-campaign.run'],
      unknown,
      MessageCampaignJobName
    >;
    return t.app.get(MessageCampaignProcessor).process(job);
  }

  const campaign = async (id: string) =>
    (await api<MessageCampaignView>(t.url, 'GET', `/message-campaigns/${id}`, { token: admin })).body;

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: false, messagesPerSecond: 200 });
    f = new DialerFixtures(t);
    await f.seed();
    f.ids['supC'] = await insertUser(t.db, { email: 'supc@dialer.test', role: 'supervisor' });
    f.ids['teamC'] = await f.insertId("INSERT INTO teams (name, supervisor_id) VALUES ('teamC', ?)", [
      f.ids['supC'],
    ]);
    await insertUser(t.db, { email: 'manager@dialer.test', role: 'manager' });
    [admin, manager, sup, supC, agentA, agentB] = await Promise.all(
      [
        'admin@dialer.test',
        'manager@dialer.test',
        'sup@dialer.test',
        'supc@dialer.test',
        'a@dialer.test',
        'b@dialer.test',
      ].map((email) => login(t.url, email)),
    );
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  describe('templates', () => {
    it('are written by managers and admins, read by supervisors too, never by agents', async () => {
      const sms = await createTemplate('past-due-sms', {
        name: 'Mora',
        channel: 'sms',
        purpose: 'custom',
        body: 'Hola {{debtor.firstName}}, su saldo con {{client.name}} es {{account.balance | money}}.',
      });
      expect(sms).toMatchObject({ clientId: null, language: 'es', active: true, whatsappContentSid: null });
      const asSupervisor = await api<MessageTemplateView[]>(t.url, 'GET', '/message-templates', {
        token: sup,
      });
      expect(asSupervisor.status).toBe(200);
      expect(asSupervisor.body.map((x) => x.id)).toContain(sms.id);
      expect((await api(t.url, 'GET', '/message-templates', { token: agentA })).status).toBe(403);
      const bySupervisor = await api(t.url, 'POST', '/message-templates', {
        token: sup,
        body: { name: 'x', channel: 'sms', purpose: 'custom', body: 'Hola' },
      });
      expect(bySupervisor.status).toBe(403);
    });

    it('refuses an unknown field by name, an agent field, and a content SID on SMS', async () => {
      const unknown = await api<{ message: string; details: { errors: string[] } }>(
        t.url,
        'POST',
        '/message-templates',
        {
          token: manager,
          body: { name: 'Malo', channel: 'sms', purpose: 'custom', body: 'Hola {{debtor.apodo}}' },
        },
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('there is no field "debtor.apodo"');
      const agent = await api<{ details: { errors: string[] } }>(t.url, 'POST', '/message-templates', {
        token: manager,
        body: {
          name: 'Malo',
          channel: 'sms',
          purpose: 'custom',
          body: 'Le escribe {{agent.firstName}}',
          whatsappContentSid: HX,
        },
      });
      expect(agent.status).toBe(400);
      expect(agent.body.details.errors).toEqual([
        'body: the field "agent.firstName" is not available in an automatic message',
        'whatsappContentSid: only a WhatsApp template has one',
      ]);
      const badSid = await api(t.url, 'POST', '/message-templates', {
        token: manager,
        body: {
          name: 'Malo',
          channel: 'whatsapp',
          purpose: 'custom',
          body: 'Hola',
          whatsappContentSid: 'HX1',
        },
      });
      expect(badSid.status).toBe(400);
    });

    it('are edited in part, with the change in the audit trail', async () => {
      const id = templates['past-due-sms']!.id;
      const patched = await api<MessageTemplateView>(t.url, 'PATCH', `/message-templates/${id}`, {
        token: manager,
        body: {
          body: 'Hola {{debtor.firstName}}: su cuenta {{account.number}} con {{client.name}} debe {{account.balance | money}}.',
        },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Mora', channel: 'sms', purpose: 'custom' });
      const audit = await rows(
        "SELECT action FROM audit_events WHERE entity_type = 'message_template' AND entity_id = ? ORDER BY id",
        [id],
      );
      expect(audit.map((a) => a['action'])).toEqual(['message_template.created', 'message_template.updated']);
      const bad = await api(t.url, 'PATCH', `/message-templates/${id}`, {
        token: manager,
        body: { body: '{{account.saldo}}' },
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('an SMS campaign over a portfolio', () => {
    let campaignId: string;

    beforeAll(async () => {
      await account('OK-1', '+573001110001');
      await account('OK-2', '+573001110002');
      await account('TEAMB', '+573001110003', { team: f.ids['teamB'] });
      // The simulated carrier reports numbers ending in 0000 undelivered.
      await account('UNREACH', '+573001110000');
      await account('TOKYO', '+573001110004', { zone: 'Asia/Tokyo' });
      const baja = await account('BAJA', '+573001110005');
      await t.db.query(
        "INSERT INTO contact_point_consents (contact_point_id, channel, status, keyword, changed_at) VALUES (?, 'sms', 'withdrawn', 'BAJA', ?)",
        [await pointOf(baja), NOW],
      );
      const landline = await account('LANDLINE', '+5716010000');
      await t.db.query("UPDATE contact_points SET type = 'landline' WHERE id = ?", [await pointOf(landline)]);
      const young = await account('YOUNG', '+573001110006');
      await t.db.query('UPDATE accounts SET days_past_due = 10 WHERE id = ?', [young]);
      const paid = await account('PAID', '+573001110007');
      await t.db.query("UPDATE accounts SET status = 'paid', balance_minor = 0 WHERE id = ?", [paid]);
      await account('OTHER-P', '+573001110008', { portfolio: f.ids['p2'] });
    });

    it('is created as a draft; a supervisor only on portfolios their teams work', async () => {
      const body = {
        name: 'Mora 30+',
        templateId: templates['past-due-sms']!.id,
        portfolioId: f.ids['p1'],
        audience: { kind: 'past_due', minDaysPastDue: 30 },
      };
      const bySupC = await createCampaign(supC, body);
      expect(bySupC.status).toBe(400);
      expect(JSON.stringify(bySupC.body)).toContain('no account of your teams is in portfolio');
      const badAudience = await createCampaign(admin, {
        ...body,
        audience: { kind: 'past_due', minDaysPastDue: -1 },
      });
      expect(badAudience.status).toBe(400);
      const created = await createCampaign(admin, body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        channel: 'sms',
        templateName: 'Mora',
        audience: { kind: 'past_due', minDaysPastDue: 30 },
        counts: { selected: 0, sent: 0, blocked: 0, failed: 0, delivered: 0 },
      });
      campaignId = created.body.id;
      // supc's teams hold no account of p1: the campaign is not theirs to see.
      expect((await api(t.url, 'GET', `/message-campaigns/${campaignId}`, { token: supC })).status).toBe(404);
      expect((await api<unknown[]>(t.url, 'GET', '/message-campaigns', { token: supC })).body).toEqual([]);
      expect((await api(t.url, 'GET', `/message-campaigns/${campaignId}`, { token: sup })).status).toBe(200);
      expect((await api(t.url, 'GET', '/message-campaigns', { token: agentA })).status).toBe(403);
    });

    it('starts onto its queue once', async () => {
      const started = await api<MessageCampaignView>(
        t.url,
        'POST',
        `/message-campaigns/${campaignId}/start`,
        {
          token: admin,
        },
      );
      expect(started.status).toBe(200);
      expect(started.body.status).toBe('running');
      const job = await t.app
        .get<Queue>(getQueueToken(MESSAGE_CAMPAIGNS_QUEUE))
        .getJob(`message-campaign-${campaignId}`);
      expect(job?.data).toEqual({ campaignId });
      const again = await api<{ details: unknown }>(t.url, 'POST', `/message-campaigns/${campaignId}/start`, {
        token: admin,
      });
      expect(again.status).toBe(409);
      expect(again.body.details).toEqual({ status: 'running', action: 'start' });
    });

    it('sends to the allowed, records the refused with the gate’s reason, and counts', async () => {
      expect(await runJob(campaignId)).toEqual({ campaignId, handled: 7, finished: true });
      const view = await campaign(campaignId);
      expect(view).toMatchObject({ status: 'done', counts: { selected: 7, sent: 4, blocked: 3, failed: 0 } });
      expect(view.finishedAt).toBe(AT);
      const sends = await rows(
        `SELECT a.account_number, s.outcome, s.reason, s.address FROM message_campaign_sends s
           JOIN accounts a ON a.id = s.account_id WHERE s.campaign_id = ? ORDER BY a.account_number`,
        [campaignId],
      );
      expect(sends).toEqual([
        {
          account_number: 'BAJA',
          outcome: 'blocked',
          reason: ComplianceError.ConsentWithdrawn,
          address: '+573001110005',
        },
        { account_number: 'LANDLINE', outcome: 'blocked', reason: 'no_contact_point', address: null },
        { account_number: 'OK-1', outcome: 'sent', reason: null, address: '+573001110001' },
        { account_number: 'OK-2', outcome: 'sent', reason: null, address: '+573001110002' },
        { account_number: 'TEAMB', outcome: 'sent', reason: null, address: '+573001110003' },
        {
          account_number: 'TOKYO',
          outcome: 'blocked',
          reason: ComplianceError.OutsideWindow,
          address: '+573001110004',
        },
        { account_number: 'UNREACH', outcome: 'sent', reason: null, address: '+573001110000' },
      ]);
      // The gate recorded its refusals as it does the dialer's.
      expect(
        (await rows("SELECT reason FROM compliance_refusals WHERE channel = 'sms' ORDER BY reason")).map(
          (r) => r['reason'],
        ),
      ).toEqual([ComplianceError.ConsentWithdrawn, ComplianceError.OutsideWindow]);
    });

    it('shows each message in the simulated outbox, rendered for the debtor', async () => {
      const [message] = await outbox('+573001110001');
      expect(message).toMatchObject({ channel: 'sms', to: '+573001110001' });
      expect(message!.body).toBe(`Hola Deudor: su cuenta OK-1 con Banco Andino debe $${NBSP}5.000,00.`);
      expect(await outbox('+573001110004')).toEqual([]);
      expect(await outbox('+573001110005')).toEqual([]);
    });

    it('writes each attempt as an outbound interaction the gate counts, and the message in the thread', async () => {
      const [interaction] = await rows(
        `SELECT i.channel, i.direction, i.stage, i.agent_id, i.outcome, i.carrier_sid IS NOT NULL AS has_sid,
                CAST(i.queued_at AS CHAR) AS queued_at, CAST(i.ended_at AS CHAR) AS ended_at
           FROM interactions i WHERE i.account_id = ?`,
        [f.ids['OK-1']],
      );
      expect(interaction).toEqual({
        channel: 'sms',
        direction: 'outbound',
        stage: 'sent',
        agent_id: null,
        outcome: null,
        has_sid: 1,
        queued_at: '2026-12-02 15:00:00.000',
        ended_at: '2026-12-02 15:00:00.000',
      });
      const [message] = await rows(
        `SELECT c.status, c.account_id, c.interaction_id IS NOT NULL AS linked, m.author, m.direction, m.template_id,
                m.message_campaign_id
           FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.address = ?`,
        ['+573001110001'],
      );
      expect(message).toEqual({
        status: 'idle',
        account_id: Number(f.ids['OK-1']),
        linked: 1,
        author: 'system',
        direction: 'outbound',
        template_id: Number(templates['past-due-sms']!.id),
        message_campaign_id: Number(campaignId),
      });
      // Chile allows two messages a week, two days apart: the campaign's counts against the next.
      await t.db.query(
        "UPDATE debtors d JOIN accounts a ON a.debtor_id = d.id SET d.jurisdiction = 'CL', d.time_zone = 'America/Santiago' WHERE a.id = ?",
        [f.ids['OK-2']],
      );
      const verdict = await t.app
        .get(ComplianceGateService)
        .check(
          { accountId: f.ids['OK-2']!, contactPointId: await pointOf(f.ids['OK-2']!), channel: 'sms' },
          new Date(NOW.getTime() + 3_600_000),
        );
      expect(verdict).toMatchObject({ allowed: false, reason: ComplianceError.MinDaysApart });
    });

    it('counts the deliveries the carrier reports (not the unreachable number)', async () => {
      await until('three deliveries', async () => (await campaign(campaignId)).counts.delivered === 3);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await campaign(campaignId)).counts.delivered).toBe(3);
    });

    it('is idempotent: a second run of the job sends nothing and counts nothing twice', async () => {
      await t.db.query("UPDATE message_campaigns SET status = 'running' WHERE id = ?", [campaignId]);
      expect(await runJob(campaignId)).toEqual({ campaignId, handled: 0, finished: true });
      expect(await t.app.get(MessageCampaignRunnerService).run(campaignId, NOW)).toEqual({
        campaignId,
        handled: 0,
        finished: false,
      });
      expect((await campaign(campaignId)).counts).toMatchObject({ selected: 7, sent: 4, blocked: 3 });
      expect(await outbox('+573001110001')).toHaveLength(1);
      expect(await rows('SELECT id FROM interactions WHERE account_id = ?', [f.ids['OK-1']])).toHaveLength(1);
    });

    it('lists its sends by outcome, page by page; a supervisor sees only their teams’ accounts', async () => {
      const blocked = await api<Page<MessageCampaignSendView>>(
        t.url,
        'GET',
        `/message-campaigns/${campaignId}/sends?outcome=blocked&page=1&pageSize=2`,
        { token: admin },
      );
      expect(blocked.status).toBe(200);
      expect(blocked.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(blocked.body.items).toHaveLength(2);
      const second = await api<Page<MessageCampaignSendView>>(
        t.url,
        'GET',
        `/message-campaigns/${campaignId}/sends?outcome=blocked&page=2&pageSize=2`,
        { token: admin },
      );
      expect(second.body.items).toHaveLength(1);
      const reasons = [...blocked.body.items, ...second.body.items].map((s) => s.reason).sort();
      expect(reasons).toEqual([
        ComplianceError.ConsentWithdrawn,
        'no_contact_point',
        ComplianceError.OutsideWindow,
      ]);
      const sent = await api<Page<MessageCampaignSendView>>(
        t.url,
        'GET',
        `/message-campaigns/${campaignId}/sends?outcome=sent`,
        { token: admin },
      );
      expect(sent.body.items.every((s) => s.messageId !== null && s.to.startsWith('+57'))).toBe(true);
      const bad = await api(t.url, 'GET', `/message-campaigns/${campaignId}/sends?outcome=lost`, {
        token: admin,
      });
      expect(bad.status).toBe(400);
      // Team B moves to supc: they now see the campaign, and of its sends only team B's account.
      await t.db.query('UPDATE teams SET supervisor_id = ? WHERE id = ?', [f.ids['supC'], f.ids['teamB']]);
      try {
        const theirs = await api<Page<MessageCampaignSendView>>(
          t.url,
          'GET',
          `/message-campaigns/${campaignId}/sends`,
          { token: supC },
        );
        expect(theirs.status).toBe(200);
        expect(theirs.body.items.map((s) => s.accountNumber)).toEqual(['TEAMB']);
      } finally {
        await t.db.query('UPDATE teams SET supervisor_id = ? WHERE id = ?', [f.ids['sup'], f.ids['teamB']]);
      }
    });

    it('is cancelled before it sends, and then cannot start', async () => {
      const created = await createCampaign(sup, {
        name: 'Para cancelar',
        templateId: templates['past-due-sms']!.id,
        portfolioId: f.ids['p1'],
        audience: { kind: 'past_due', minDaysPastDue: 0 },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await api(t.url, 'POST', `/message-campaigns/${id}/start`, { token: sup })).status).toBe(200);
      const cancelled = await api<MessageCampaignView>(t.url, 'POST', `/message-campaigns/${id}/cancel`, {
        token: sup,
      });
      expect(cancelled.body.status).toBe('canceled');
      expect(await runJob(id)).toEqual({ campaignId: id, handled: 0, finished: false });
      expect((await api(t.url, 'POST', `/message-campaigns/${id}/start`, { token: sup })).status).toBe(409);
      expect((await api(t.url, 'POST', `/message-campaigns/${id}/cancel`, { token: sup })).status).toBe(409);
      const audit = await rows(
        "SELECT action FROM audit_events WHERE entity_type = 'message_campaign' AND entity_id = ? ORDER BY id",
        [id],
      );
      expect(audit.map((a) => a['action'])).toEqual([
        'message_campaign.created',
        'message_campaign.started',
        'message_campaign.canceled',
      ]);
    });
  });

  describe('WhatsApp campaigns', () => {
    it('send a template without approval only inside the 24-hour window; an approved one to all', async () => {
      const due = '2026-12-05';
      for (const [number, phone] of [
        ['WA-OLD', '+573002220001'],
        ['WA-RECENT', '+573002220002'],
      ] as const) {
        const id = await account(number, phone, { portfolio: f.ids['p2'] });
        await t.db.query('UPDATE accounts SET due_date = ? WHERE id = ?', [due, id]);
      }
      await account('WA-LATER', '+573002220003', { portfolio: f.ids['p2'] });
      await t.db.query("UPDATE accounts SET due_date = '2026-12-06' WHERE id = ?", [f.ids['WA-LATER']]);
      // WA-RECENT wrote an hour ago on WhatsApp; WA-OLD two days ago.
      for (const [number, phone, hours] of [
        ['WA-RECENT', '+573002220002', 1],
        ['WA-OLD', '+573002220001', 48],
      ] as const)
        await t.db.query(
          `INSERT INTO conversations (channel, status, queue, address, account_id, opened_at, last_inbound_at)
           VALUES ('whatsapp', 'closed', 'cobranza', ?, ?, ?, ?)`,
          [phone, f.ids[number], NOW, new Date(NOW.getTime() - hours * 3_600_000)],
        );
      const free = await createTemplate('preventive-wa', {
        name: 'Preventivo WhatsApp',
        channel: 'whatsapp',
        purpose: 'preventive',
        body: 'Hola {{debtor.firstName}}, su cuenta {{account.number}} vence el {{account.dueDate | date:long}}.',
      });
      const approved = await createTemplate('preventive-wa-approved', {
        name: 'Preventivo WhatsApp aprobado',
        channel: 'whatsapp',
        purpose: 'preventive',
        body: free.body,
        whatsappContentSid: HX,
      });
      const results: Record<string, Row[]> = {};
      for (const template of [free, approved]) {
        const created = await createCampaign(admin, {
          name: template.name,
          templateId: template.id,
          portfolioId: f.ids['p2'],
          audience: { kind: 'due_in_days', days: 3 },
        });
        expect(created.body.channel).toBe('whatsapp');
        await api(t.url, 'POST', `/message-campaigns/${created.body.id}/start`, { token: admin });
        // Two runs at once still write to each account once.
        await Promise.all([runJob(created.body.id), runJob(created.body.id)]);
        results[template.id] = await rows(
          `SELECT a.account_number, s.outcome, s.reason FROM message_campaign_sends s
             JOIN accounts a ON a.id = s.account_id WHERE s.campaign_id = ? ORDER BY a.account_number`,
          [created.body.id],
        );
      }
      expect(results[free.id]).toEqual([
        { account_number: 'WA-OLD', outcome: 'blocked', reason: 'template_required' },
        { account_number: 'WA-RECENT', outcome: 'sent', reason: null },
      ]);
      // The first campaign's message to WA-RECENT is an attempt: Colombia's caps leave room for it.
      expect(results[approved.id]).toEqual([
        { account_number: 'WA-OLD', outcome: 'sent', reason: null },
        { account_number: 'WA-RECENT', outcome: 'sent', reason: null },
      ]);
      const [message] = await outbox('+573002220001');
      expect(message).toMatchObject({
        channel: 'whatsapp',
        body: 'Hola Deudor, su cuenta WA-OLD vence el 5 de diciembre de 2026.',
      });
      expect(await outbox('+573002220002')).toHaveLength(2);
    });
  });

  describe('a single message (POST /messages)', () => {
    let accountId: string;
    let pointId: string;

    beforeAll(async () => {
      // Mexico's window is 07:00–22:00 every day: a zone where it is noon now keeps this test off the clock.
      const offset = 12 - new Date().getUTCHours();
      const zone = offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
      accountId = await account('DIRECT', '+573003330001', { zone });
      await t.db.query(
        "UPDATE debtors d JOIN accounts a ON a.debtor_id = d.id SET d.jurisdiction = 'MX' WHERE a.id = ?",
        [accountId],
      );
      await t.db.query('UPDATE accounts SET assigned_agent_id = ? WHERE id = ?', [
        f.ids['agentA'],
        accountId,
      ]);
      pointId = await pointOf(accountId);
    });

    it('lets an agent write to their own account, through the gate, and returns the message', async () => {
      const sent = await api<OutboundMessageResponse>(t.url, 'POST', '/messages', {
        token: agentA,
        body: { accountId, contactPointId: pointId, channel: 'sms', body: 'Hola, le escribe su gestor.' },
      });
      expect(sent.status).toBe(201);
      const [row] = await rows(
        `SELECT m.body, m.author, i.agent_id, i.channel FROM messages m JOIN conversations c ON c.id = m.conversation_id
           JOIN interactions i ON i.account_id = c.account_id WHERE m.id = ?`,
        [sent.body.messageId],
      );
      expect(row).toEqual({
        body: 'Hola, le escribe su gestor.',
        author: 'system',
        agent_id: Number(f.ids['agentA']),
        channel: 'sms',
      });
      expect((await outbox('+573003330001'))[0]!.body).toBe('Hola, le escribe su gestor.');
      const withTemplate = await api<OutboundMessageResponse>(t.url, 'POST', '/messages', {
        token: sup,
        body: {
          accountId,
          contactPointId: pointId,
          channel: 'sms',
          templateId: templates['past-due-sms']!.id,
        },
      });
      expect(withTemplate.status).toBe(201);
      expect((await outbox('+573003330001'))[0]!.body).toBe(
        // A Mexican debtor reads Colombian pesos the Mexican way.
        `Hola Deudor: su cuenta DIRECT con Banco Andino debe COP${NBSP}5,000.00.`,
      );
    });

    it('refuses another agent’s account, a bad request, and WhatsApp free text outside the window', async () => {
      const body = { accountId, contactPointId: pointId, channel: 'sms', body: 'Hola' };
      expect((await api(t.url, 'POST', '/messages', { token: agentB, body })).status).toBe(404);
      expect(
        (
          await api(t.url, 'POST', '/messages', {
            token: agentA,
            body: { ...body, templateId: templates['past-due-sms']!.id },
          })
        ).status,
      ).toBe(400);
      expect((await api(t.url, 'POST', '/messages', { token: manager, body })).status).toBe(403);
      const whatsapp = await api<{ code: string; details: { reason: string } }>(t.url, 'POST', '/messages', {
        token: agentA,
        body: { ...body, channel: 'whatsapp' },
      });
      expect(whatsapp.status).toBe(409);
      expect(whatsapp.body).toMatchObject({ code: 'conflict', details: { reason: 'template_required' } });
    });

    it('answers a gate refusal with 409 and its reason', async () => {
      await t.db.query(
        "INSERT INTO contact_point_consents (contact_point_id, channel, status, keyword, changed_at) VALUES (?, 'sms', 'withdrawn', 'STOP', ?)",
        [pointId, NOW],
      );
      const refused = await api<{ code: string; details: { reason: string; retryAt: string | null } }>(
        t.url,
        'POST',
        '/messages',
        { token: agentA, body: { accountId, contactPointId: pointId, channel: 'sms', body: 'Hola' } },
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'conflict',
        details: { reason: ComplianceError.ConsentWithdrawn, retryAt: null },
      });
      // The account page shows that channel's consent on the point; the point's own is unchanged.
      const detail = await api<AccountDetail>(t.url, 'GET', `/accounts/${accountId}`, { token: agentA });
      const point = detail.body.contactPoints.find((c) => c.id === pointId)!;
      expect(point.consent).toBe('granted');
      expect(point.channelConsents).toEqual([
        { channel: 'sms', status: 'withdrawn', changedAt: NOW.toISOString() },
      ]);
    });
  });

  describe('payment reminders', () => {
    const reminders: Record<string, string> = {};

    /** An account in agreement, its installment 1 due on `due` (`status`), and a reminder of `kind` due an hour ago. */
    async function withReminder(
      number: string,
      phone: string,
      kind: 'before_due' | 'broken_notice',
      options: { due?: string; installment?: string; agreement?: string; zone?: string } = {},
    ): Promise<void> {
      const accountId = await account(number, phone, { zone: options.zone });
      const agreementId = await f.insertId(
        `INSERT INTO agreements (account_id, agent_id, team_id, status, currency, total_minor, down_payment_minor,
           installments_count, settles_in_full, created_at)
         VALUES (?, ?, ?, ?, 'COP', 200000, 0, 2, 1, '2026-10-01 15:00:00')`,
        [accountId, f.ids['agentA'], f.ids['teamA'], options.agreement ?? 'active'],
      );
      const installmentId = await f.insertId(
        `INSERT INTO installments (agreement_id, seq, due_date, amount_minor, paid_minor, status)
         VALUES (?, 1, ?, 100000, 25000, ?)`,
        [agreementId, options.due ?? '2026-12-05', options.installment ?? 'partial'],
      );
      reminders[number] = await f.insertId(
        `INSERT INTO message_reminders (account_id, agreement_id, installment_id, kind, due_at, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'due', ?)`,
        [accountId, agreementId, installmentId, kind, new Date(NOW.getTime() - 3_600_000), NOW],
      );
    }

    const state = async (number: string) =>
      (
        await rows(
          'SELECT status, reason, channel, attempts, CAST(due_at AS CHAR) AS due_at FROM message_reminders WHERE id = ?',
          [reminders[number]],
        )
      )[0];

    beforeAll(async () => {
      await createTemplate('installment', {
        name: 'Cuota',
        channel: 'sms',
        purpose: 'installment_reminder',
        body: 'Hola {{debtor.firstName}}, su cuota {{installment.number}} de {{installment.amount | money}} vence el {{installment.dueDate | date}}.',
      });
      await createTemplate('broken', {
        name: 'Incumplida',
        channel: 'sms',
        purpose: 'broken_promise',
        body: 'Hola {{debtor.firstName}}, no recibimos el pago acordado de la cuenta {{account.number}}.',
      });
      await withReminder('REM-DUE', '+573004440001', 'before_due');
      await withReminder('REM-BROKEN', '+573004440002', 'broken_notice', {
        agreement: 'broken',
        installment: 'broken',
      });
      await withReminder('REM-PAID', '+573004440003', 'before_due', { installment: 'paid' });
      await withReminder('REM-TOKYO', '+573004440004', 'before_due', { zone: 'Asia/Tokyo' });
    });

    it('sends each due reminder once with the purpose’s template, and marks every one', async () => {
      const service = t.app.get(RemindersService);
      expect(await service.sendDue(NOW)).toEqual({
        sent: 2,
        blocked: 0,
        failed: 0,
        cancelled: 1,
        postponed: 1,
      });
      expect(await state('REM-DUE')).toMatchObject({
        status: 'sent',
        channel: 'sms',
        reason: null,
        attempts: 1,
      });
      expect(await state('REM-BROKEN')).toMatchObject({ status: 'sent', channel: 'sms' });
      expect(await state('REM-PAID')).toMatchObject({ status: 'cancelled' });
      // Midnight in Tokyo: due again when the window opens there (07:00, 22:00 UTC), with the reason.
      expect(await state('REM-TOKYO')).toEqual({
        status: 'due',
        reason: ComplianceError.OutsideWindow,
        channel: 'sms',
        attempts: 1,
        due_at: '2026-12-02 22:00:00.000',
      });
      expect((await outbox('+573004440001')).map((m) => m.body)).toEqual([
        `Hola Deudor, su cuota 1 de $${NBSP}750,00 vence el 05/12/2026.`,
      ]);
      expect((await outbox('+573004440002'))[0]!.body).toBe(
        'Hola Deudor, no recibimos el pago acordado de la cuenta REM-BROKEN.',
      );
      const [message] = await rows(
        'SELECT m.template_id FROM message_reminders r JOIN messages m ON m.id = r.message_id WHERE r.id = ?',
        [reminders['REM-DUE']],
      );
      expect(message).toEqual({ template_id: Number(templates['installment']!.id) });
    });

    it('never sends one twice, however often the job runs', async () => {
      const job = { name: 'reminders.send', data: { at: AT } } as unknown as Job<
        MessageReminderJobs['reminders.send'],
        unknown,
        MessageReminderJobName
      >;
      expect(await t.app.get(RemindersProcessor).process(job)).toEqual({
        sent: 0,
        blocked: 0,
        failed: 0,
        cancelled: 0,
        postponed: 0,
      });
      expect(await outbox('+573004440001')).toHaveLength(1);
    });

    it('blocks for good once the refusal cannot wait, and lists the reason', async () => {
      await t.db.query('UPDATE message_reminders SET attempts = 3, due_at = ? WHERE id = ?', [
        new Date(NOW.getTime() - 60_000),
        reminders['REM-TOKYO'],
      ]);
      expect(await t.app.get(RemindersService).sendDue(NOW)).toMatchObject({ blocked: 1, postponed: 0 });
      expect(await state('REM-TOKYO')).toMatchObject({
        status: 'blocked',
        reason: ComplianceError.OutsideWindow,
      });
      const listed = await api<ReminderResponse[]>(t.url, 'GET', '/promises/reminders?status=blocked', {
        token: sup,
      });
      expect(listed.body.map((r) => [r.accountNumber, r.reason])).toEqual([
        ['REM-TOKYO', ComplianceError.OutsideWindow],
      ]);
    });
  });

  describe('the demo seed', () => {
    it('adds the default Spanish templates, valid as the API checks them', async () => {
      await t.app.get(DemoRepository).createMessageTemplates(DEFAULT_MESSAGE_TEMPLATES);
      const listed = await api<MessageTemplateView[]>(t.url, 'GET', '/message-templates', { token: sup });
      const seeded = listed.body.filter((x) => DEFAULT_MESSAGE_TEMPLATES.some((d) => d.name === x.name));
      expect(seeded).toHaveLength(6);
      expect(seeded.every((x) => x.clientId === null && x.language === 'es' && x.active)).toBe(true);
      // Saving one back unchanged passes the same validation a manager's edit does.
      const resaved = await api(t.url, 'PATCH', `/message-templates/${seeded[0]!.id}`, {
        token: manager,
        body: { body: seeded[0]!.body },
      });
      expect(resaved.status).toBe(200);
    });
  });
});
