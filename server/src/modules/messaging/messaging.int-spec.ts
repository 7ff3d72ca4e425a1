import { ComplianceError, type SimulatedOutboxMessage } from '@recupera/shared';
import { getExpectedTwilioSignature } from 'twilio';
import { DEV_SIMULATED_CARRIER_TOKEN } from '../../config/env.schema';
import { DialerFixtures, until } from '../../testing/dialer-fixtures.util';
import { FakeTwilioApi } from '../../testing/fake-twilio-api.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { ComplianceGateService } from '../compliance/compliance-gate.service';
import { ConversationsService } from '../conversations/conversations.service';
import { OutboundMessagesService } from './outbound-messages.service';

const DEBTOR = '+573002220001';
const WHATSAPP_DEBTOR = '+573002220002';
const OUR_NUMBER = '+15005550006';
const AT = new Date('2026-12-02T15:00:00Z');
let sid = 0;
const nextSid = () => `SM${String(++sid).padStart(32, '0')}`;

type Rows<T> = [T[], unknown];

/** Posts a form the way Twilio does, signed with `token` over `signedBase` + path. */
function signedPost(
  appUrl: string,
  path: string,
  params: Record<string, string>,
  token: string,
  signedBase = appUrl,
) {
  return fetch(`${appUrl}/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(token, `${signedBase}/api${path}`, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

/** SMS and WhatsApp webhooks through the real app and the simulated carrier, signed as Twilio signs them. */
describe('Messaging webhooks', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let admin: string;

  const post = (path: string, params: Record<string, string>, token = DEV_SIMULATED_CARRIER_TOKEN) =>
    signedPost(t.url, path, params, token);

  const inbound = (body: string, extra: Record<string, string> = {}) =>
    post('/webhooks/twilio/messages', {
      MessageSid: nextSid(),
      From: DEBTOR,
      To: OUR_NUMBER,
      Body: body,
      ...extra,
    });

  async function outbox(to = DEBTOR, limit?: number): Promise<SimulatedOutboxMessage[]> {
    const query = `to=${encodeURIComponent(to)}${limit ? `&limit=${limit}` : ''}`;
    return (
      await api<SimulatedOutboxMessage[]>(t.url, 'GET', `/simulated-carrier/outbox?${query}`, {
        token: admin,
      })
    ).body;
  }

  async function verdict(phone: string, account: string, channel: 'sms' | 'whatsapp' | 'voice') {
    const [rows] = (await t.db.query('SELECT id FROM contact_points WHERE value = ?', [phone])) as Rows<{
      id: number;
    }>;
    return t.app
      .get(ComplianceGateService)
      .check({ accountId: f.ids[account]!, contactPointId: String(rows[0]!.id), channel }, AT);
  }

  async function statusOf(carrierSid: string): Promise<{ status: string; error_code: string | null }> {
    const [rows] = (await t.db.query('SELECT status, error_code FROM messages WHERE carrier_sid = ?', [
      carrierSid,
    ])) as Rows<{ status: string; error_code: string | null }>;
    return rows[0]!;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('MS-1', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', DEBTOR);
    await f.account('MS-2', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', WHATSAPP_DEBTOR);
    admin = await login(t.url, 'admin@dialer.test');
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('refuses a forged or unsigned webhook with 403', async () => {
    const forged = await post(
      '/webhooks/twilio/messages',
      { MessageSid: nextSid(), From: DEBTOR, To: OUR_NUMBER, Body: 'x' },
      'not-the-token',
    );
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { code: string }).code).toBeTruthy();
    const unsigned = await fetch(`${t.url}/api/webhooks/twilio/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'MessageSid=x',
    });
    expect(unsigned.status).toBe(403);
    // A signature over other parameters than those posted is no signature.
    const tampered = await fetch(`${t.url}/api/webhooks/twilio/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(
          DEV_SIMULATED_CARRIER_TOKEN,
          `${t.url}/api/webhooks/twilio/messages`,
          { Body: 'Hola' },
        ),
      },
      body: new URLSearchParams({ Body: 'BAJA' }).toString(),
    });
    expect(tampered.status).toBe(403);
  });

  it('answers a malformed message with 400 and a reason', async () => {
    const badNumber = await post('/webhooks/twilio/messages', {
      MessageSid: nextSid(),
      From: '3002220001',
      To: OUR_NUMBER,
    });
    expect(badNumber.status).toBe(400);
    expect(((await badNumber.json()) as { message: string }).message).toMatch(/From must be an E.164/);
    const noSid = await post('/webhooks/twilio/messages', { From: DEBTOR, To: OUR_NUMBER, Body: 'Hola' });
    expect(noSid.status).toBe(400);
    expect(((await noSid.json()) as { message: string }).message).toMatch(/MessageSid/);
  });

  it('stores a message posted twice once, in a thread matched to the account', async () => {
    const params = { MessageSid: nextSid(), From: DEBTOR, To: OUR_NUMBER, Body: 'Hola' };
    const first = await post('/webhooks/twilio/messages', params);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/xml/);
    const again = await post('/webhooks/twilio/messages', params);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('<Response/>');
    const [rows] = await t.db.query(
      'SELECT c.account_id, COUNT(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.carrier_sid = ? GROUP BY c.account_id',
      [params.MessageSid],
    );
    expect(rows).toEqual([{ account_id: Number(f.ids['MS-1']), n: 1 }]);
  });

  it('keeps the text of a message with an unsupported file, drops the file and tells the debtor once', async () => {
    const params = {
      MessageSid: nextSid(),
      From: DEBTOR,
      To: OUR_NUMBER,
      Body: 'Adjunto el comprobante',
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/media/1',
      MediaContentType0: 'application/x-msdownload',
      MediaUrl1: 'https://api.twilio.com/media/2',
      MediaContentType1: 'image/jpeg',
    };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    const [rows] = (await t.db.query('SELECT body, media FROM messages WHERE carrier_sid = ?', [
      params.MessageSid,
    ])) as Rows<{ body: string; media: unknown }>;
    expect(rows[0]!.body).toBe('Adjunto el comprobante');
    const media =
      typeof rows[0]!.media === 'string' ? (JSON.parse(rows[0]!.media) as unknown) : rows[0]!.media;
    expect(media).toEqual([expect.objectContaining({ contentType: 'image/jpeg' })]);
    const notice = await until('the notice', async () =>
      (await outbox()).find((m) => m.body.includes('application/x-msdownload')),
    );
    expect(notice.body).toMatch(/no se acepta por SMS/);
    expect((await outbox()).filter((m) => m.body.includes('no se acepta'))).toHaveLength(1);
  });

  it('withdraws SMS consent on BAJA at once, confirms it once, and the gate then refuses SMS but not calls', async () => {
    expect((await verdict(DEBTOR, 'MS-1', 'sms')).allowed).toBe(true);
    const params = { MessageSid: nextSid(), From: DEBTOR, To: OUR_NUMBER, Body: 'Baja' };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    expect(await verdict(DEBTOR, 'MS-1', 'sms')).toMatchObject({
      allowed: false,
      reason: ComplianceError.ConsentWithdrawn,
    });
    expect((await verdict(DEBTOR, 'MS-1', 'voice')).allowed).toBe(true);
    const confirmations = (await outbox()).filter((m) => m.body.startsWith('Has sido dado de baja'));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.body).toBe(
      'Has sido dado de baja de los mensajes por SMS de Banco Andino. Responde ALTA para volver a recibirlos.',
    );
    const [audit] = (await t.db.query(
      "SELECT actor_id, entity_type, entity_id FROM audit_events WHERE action = 'consent.withdrawn'",
    )) as Rows<{ actor_id: number | null; entity_type: string; entity_id: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, entity_type: 'contact_point' });
    const [consent] = (await t.db.query(
      `SELECT cc.status, cc.keyword, m.carrier_sid FROM contact_point_consents cc
         JOIN messages m ON m.id = cc.message_id WHERE cc.channel = 'sms'`,
    )) as Rows<Record<string, string>>;
    expect(consent).toEqual([{ status: 'withdrawn', keyword: 'BAJA', carrier_sid: params.MessageSid }]);
    // ALTA gives it back.
    await inbound('ALTA');
    expect((await verdict(DEBTOR, 'MS-1', 'sms')).allowed).toBe(true);
    await until('the opt-in confirmation', async () =>
      (await outbox()).find((m) => m.body.startsWith('Volverás a recibir mensajes por SMS')),
    );
  });

  it('withdraws WhatsApp consent on STOP by WhatsApp, leaving SMS allowed', async () => {
    const response = await post('/webhooks/twilio/messages', {
      MessageSid: nextSid(),
      From: `whatsapp:${WHATSAPP_DEBTOR}`,
      To: `whatsapp:${OUR_NUMBER}`,
      Body: 'stop!',
    });
    expect(response.status).toBe(200);
    expect(await verdict(WHATSAPP_DEBTOR, 'MS-2', 'whatsapp')).toMatchObject({
      allowed: false,
      reason: ComplianceError.ConsentWithdrawn,
    });
    expect((await verdict(WHATSAPP_DEBTOR, 'MS-2', 'sms')).allowed).toBe(true);
    const confirmation = await until('the WhatsApp confirmation', async () =>
      (await outbox(WHATSAPP_DEBTOR)).find((m) => m.body.startsWith('Has sido dado de baja')),
    );
    expect(confirmation).toMatchObject({
      channel: 'whatsapp',
      body: expect.stringContaining('por WhatsApp'),
    });
  });

  it('honours a retried BAJA whose first delivery was stored but never reached the consent', async () => {
    const carrierSid = nextSid();
    // What a crash between storing the message and recording the consent leaves behind.
    await t.app
      .get(ConversationsService)
      .receiveInbound(
        { channel: 'sms', from: DEBTOR, to: OUR_NUMBER, body: 'ALTO', media: [], carrierSid, at: AT },
        { route: false },
      );
    expect((await verdict(DEBTOR, 'MS-1', 'sms')).allowed).toBe(true);
    const before = (await outbox()).filter((m) => m.body.startsWith('Has sido dado de baja')).length;
    const retry = { MessageSid: carrierSid, From: DEBTOR, To: OUR_NUMBER, Body: 'ALTO' };
    expect((await post('/webhooks/twilio/messages', retry)).status).toBe(200);
    expect((await verdict(DEBTOR, 'MS-1', 'sms')).allowed).toBe(false);
    expect((await post('/webhooks/twilio/messages', retry)).status).toBe(200);
    const after = (await outbox()).filter((m) => m.body.startsWith('Has sido dado de baja')).length;
    expect(after - before).toBe(1);
  });

  it('applies a delivery report forward only, with its error code, and ignores what is no step', async () => {
    const [rows] = (await t.db.query(
      "SELECT carrier_sid FROM messages WHERE direction = 'inbound' ORDER BY id LIMIT 2",
    )) as Rows<{ carrier_sid: string }>;
    const [delivered, failed] = rows.map((r) => r.carrier_sid) as [string, string];
    await t.db.query("UPDATE messages SET status = 'sent' WHERE carrier_sid IN (?)", [[delivered, failed]]);
    const report = (MessageSid: string, MessageStatus: string, extra: Record<string, string> = {}) =>
      post('/webhooks/twilio/messages/status', { MessageSid, MessageStatus, ...extra });
    expect((await report(delivered, 'delivered')).status).toBe(204);
    expect((await report(delivered, 'sent')).status).toBe(204);
    expect((await report(delivered, 'partially_delivered')).status).toBe(204);
    expect(await statusOf(delivered)).toEqual({ status: 'delivered', error_code: null });
    expect((await report(failed, 'undelivered', { ErrorCode: '30005' })).status).toBe(204);
    expect(await statusOf(failed)).toEqual({ status: 'undelivered', error_code: '30005' });
    expect((await report(`SM${'f'.repeat(32)}`, 'delivered')).status).toBe(204);
    expect((await post('/webhooks/twilio/messages/status', { MessageStatus: 'delivered' })).status).toBe(400);
  });

  it('reports what the simulated carrier sends: delivered, or undelivered (30003) to an unreachable number', async () => {
    const outbound = t.app.get(OutboundMessagesService);
    const reachable = await outbound.send({ channel: 'sms', to: DEBTOR, body: 'Recordatorio de pago' });
    const unreachable = await outbound.send({ channel: 'sms', to: '+573009990000', body: 'Recordatorio' });
    expect(reachable).toEqual({ carrierSid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued' });
    // Put both in a thread, as a campaign would, so the reports have a message to move on.
    const [conversation] = (await t.db.query('SELECT id FROM conversations ORDER BY id LIMIT 1')) as Rows<{
      id: number;
    }>;
    for (const sent of [reachable, unreachable])
      await t.db.query(
        `INSERT INTO messages (conversation_id, direction, author, body, status, carrier_sid, created_at)
         VALUES (?, 'outbound', 'system', 'Recordatorio', 'queued', ?, NOW(3))`,
        [conversation[0]!.id, sent.carrierSid],
      );
    await until('delivered', async () => (await statusOf(reachable.carrierSid)).status === 'delivered');
    await until('undelivered', async () => (await statusOf(unreachable.carrierSid)).status === 'undelivered');
    expect((await statusOf(unreachable.carrierSid)).error_code).toBe('30003');
    const phone = await outbox(DEBTOR, 2);
    expect(phone).toHaveLength(2);
    expect(phone[0]).toMatchObject({
      carrierSid: reachable.carrierSid,
      channel: 'sms',
      to: DEBTOR,
      from: t.config.messagingFrom.sms,
    });
  });

  it('shows the outbox to supervisors and admins only, and checks the number', async () => {
    const agent = await login(t.url, 'a@dialer.test');
    const path = `/simulated-carrier/outbox?to=${encodeURIComponent(DEBTOR)}`;
    expect((await api(t.url, 'GET', path, { token: agent })).status).toBe(403);
    const supervisor = await login(t.url, 'sup@dialer.test');
    expect((await api(t.url, 'GET', path, { token: supervisor })).status).toBe(200);
    expect((await api(t.url, 'GET', '/simulated-carrier/outbox?to=3001', { token: admin })).status).toBe(400);
  });
});

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'test-auth-token-0123456789';
const WEBHOOK_BASE = 'https://recupera.test';
const WHATSAPP_SENDER = '+14155238886';

/** The Twilio Messaging carrier against a stand-in for Twilio's REST API. */
describe('Messaging through Twilio', () => {
  const fake = new FakeTwilioApi(ACCOUNT_SID);
  let t: TestApp;

  const messageForms = () =>
    fake.requests.filter(
      (r) => r.method === 'POST' && r.path === `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
    );

  beforeAll(async () => {
    const apiBaseUrl = await fake.start();
    t = await startTestApp({
      carrier: 'twilio',
      runDialer: false,
      twilio: {
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        webhookBaseUrl: WEBHOOK_BASE,
        apiBaseUrl,
        voice: null,
      },
      messagingFrom: { sms: OUR_NUMBER, whatsapp: WHATSAPP_SENDER },
    });
  });

  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  beforeEach(() => {
    fake.requests.length = 0;
  });

  it('sends WhatsApp with the whatsapp: prefix, its media and the signed status callback', async () => {
    const result = await t.app.get(OutboundMessagesService).send({
      channel: 'whatsapp',
      to: DEBTOR,
      body: 'Tu comprobante',
      media: [{ url: 'https://files.test/recibo.pdf', contentType: 'application/pdf', sizeBytes: 20_000 }],
    });
    expect(result).toEqual({ carrierSid: `SM${'1'.padStart(32, '0')}`, status: 'queued' });
    const [request] = messageForms();
    expect(request!.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
    );
    expect(Object.fromEntries(request!.form)).toEqual({
      To: `whatsapp:${DEBTOR}`,
      From: `whatsapp:${WHATSAPP_SENDER}`,
      Body: 'Tu comprobante',
      MediaUrl: 'https://files.test/recibo.pdf',
      StatusCallback: `${WEBHOOK_BASE}/api/webhooks/twilio/messages/status`,
    });
  });

  it('sends an approved template by its content SID, and SMS from the SMS number without a prefix', async () => {
    const outbound = t.app.get(OutboundMessagesService);
    const contentSid = `HX${'a'.repeat(32)}`;
    await outbound.send({
      channel: 'whatsapp',
      to: DEBTOR,
      body: '',
      contentSid,
      contentVariables: { '1': 'Ana', '2': '$ 120.000' },
    });
    await outbound.send({ channel: 'sms', to: DEBTOR, body: 'Hola' });
    const [template, sms] = messageForms();
    expect(template!.form.get('ContentSid')).toBe(contentSid);
    expect(JSON.parse(template!.form.get('ContentVariables')!)).toEqual({ '1': 'Ana', '2': '$ 120.000' });
    expect(template!.form.has('Body')).toBe(false);
    expect(sms!.form.get('To')).toBe(DEBTOR);
    expect(sms!.form.get('From')).toBe(OUR_NUMBER);
  });

  it("admits webhooks signed with Twilio's auth token over the public URL only", async () => {
    const params = { MessageSid: `SM${'e'.repeat(32)}`, MessageStatus: 'delivered' };
    const path = '/webhooks/twilio/messages/status';
    expect((await signedPost(t.url, path, params, AUTH_TOKEN, WEBHOOK_BASE)).status).toBe(204);
    expect((await signedPost(t.url, path, params, AUTH_TOKEN)).status).toBe(403);
    expect((await signedPost(t.url, path, params, DEV_SIMULATED_CARRIER_TOKEN, WEBHOOK_BASE)).status).toBe(
      403,
    );
  });

  it('has no simulated outbox', async () => {
    await insertUser(t.db, { email: 'admin@twilio.test', role: 'admin' });
    const admin = await login(t.url, 'admin@twilio.test');
    const response = await api(t.url, 'GET', `/simulated-carrier/outbox?to=${encodeURIComponent(DEBTOR)}`, {
      token: admin,
    });
    expect(response.status).toBe(404);
  });
});
