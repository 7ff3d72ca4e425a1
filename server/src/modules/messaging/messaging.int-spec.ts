import { ComplianceError, type SimulatedOutboxMessage } from '@recupera/shared';
import { getExpectedTwilioSignature } from 'twilio';
import { DEV_SIMULATED_CARRIER_TOKEN } from '../../config/env.schema';
import { DialerFixtures, until } from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { ComplianceGateService } from '../compliance/compliance-gate.service';

const DEBTOR = '+573002220001';
let sid = 0;
const nextSid = () => `SM${String(++sid).padStart(32, '0')}`;

/** SMS and WhatsApp webhooks through the real app, signed as Twilio signs them. */
describe('Messaging webhooks', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let admin: string;

  async function post(path: string, params: Record<string, string>, token = DEV_SIMULATED_CARRIER_TOKEN) {
    const url = `${t.url}/api${path}`;
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  const inbound = (body: string, extra: Record<string, string> = {}) =>
    post('/webhooks/twilio/messages', {
      MessageSid: nextSid(),
      From: DEBTOR,
      To: '+15005550006',
      Body: body,
      ...extra,
    });

  async function outbox(): Promise<SimulatedOutboxMessage[]> {
    return (
      await api<SimulatedOutboxMessage[]>(
        t.url,
        'GET',
        `/simulated-carrier/outbox?to=${encodeURIComponent(DEBTOR)}`,
        { token: admin },
      )
    ).body;
  }

  async function verdict(channel: 'sms' | 'voice') {
    const [rows] = await t.db.query('SELECT id FROM contact_points WHERE value = ?', [DEBTOR]);
    const contactPointId = String((rows as { id: number }[])[0]!.id);
    return t.app
      .get(ComplianceGateService)
      .check({ accountId: f.ids['MS-1']!, contactPointId, channel }, new Date('2026-12-02T15:00:00Z'));
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('MS-1', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', DEBTOR);
    admin = await login(t.url, 'admin@dialer.test');
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it('refuses a forged or unsigned webhook with 403', async () => {
    const forged = await post(
      '/webhooks/twilio/messages',
      { MessageSid: nextSid(), From: DEBTOR, To: '+15005550006', Body: 'x' },
      'not-the-token',
    );
    expect(forged.status).toBe(403);
    const unsigned = await fetch(`${t.url}/api/webhooks/twilio/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'MessageSid=x',
    });
    expect(unsigned.status).toBe(403);
  });

  it('answers a malformed message with 400 and a reason', async () => {
    const bad = await post('/webhooks/twilio/messages', {
      MessageSid: nextSid(),
      From: '3002220001',
      To: '+15005550006',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/From must be an E.164/);
  });

  it('stores a message posted twice once, in a thread matched to the account', async () => {
    const params = { MessageSid: nextSid(), From: DEBTOR, To: '+15005550006', Body: 'Hola' };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    const again = await post('/webhooks/twilio/messages', params);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('<Response/>');
    const [rows] = await t.db.query(
      'SELECT c.account_id, COUNT(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.carrier_sid = ? GROUP BY c.account_id',
      [params.MessageSid],
    );
    expect(rows).toEqual([{ account_id: Number(f.ids['MS-1']), n: 1 }]);
  });

  it('keeps the text of a message with an unsupported file and tells the debtor', async () => {
    const response = await inbound('Adjunto el comprobante', {
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/media/1',
      MediaContentType0: 'application/x-msdownload',
    });
    expect(response.status).toBe(200);
    await until('the notice', async () => (await outbox()).find((m) => m.body.includes('no se acepta')));
  });

  it('withdraws SMS consent on BAJA at once, confirms it once, and the gate then refuses SMS but not calls', async () => {
    expect((await verdict('sms')).allowed).toBe(true);
    const params = { MessageSid: nextSid(), From: DEBTOR, To: '+15005550006', Body: 'Baja' };
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    expect((await post('/webhooks/twilio/messages', params)).status).toBe(200);
    const blocked = await verdict('sms');
    expect(blocked).toMatchObject({ allowed: false, reason: ComplianceError.ConsentWithdrawn });
    expect((await verdict('voice')).allowed).toBe(true);
    const confirmations = (await outbox()).filter((m) => m.body.startsWith('Has sido dado de baja'));
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.body).toContain('Banco Andino');
    const [audit] = await t.db.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'consent.withdrawn'",
    );
    expect(Number((audit as { n: number }[])[0]!.n)).toBe(1);
    // ALTA gives it back.
    await inbound('ALTA');
    expect((await verdict('sms')).allowed).toBe(true);
  });

  it('applies a delivery report forward only', async () => {
    const [rows] = await t.db.query(
      "SELECT carrier_sid FROM messages WHERE direction = 'inbound' ORDER BY id LIMIT 1",
    );
    const carrierSid = String((rows as { carrier_sid: string }[])[0]!.carrier_sid);
    await t.db.query("UPDATE messages SET status = 'sent' WHERE carrier_sid = ?", [carrierSid]);
    expect(
      (await post('/webhooks/twilio/messages/status', { MessageSid: carrierSid, MessageStatus: 'delivered' }))
        .status,
    ).toBe(204);
    expect(
      (await post('/webhooks/twilio/messages/status', { MessageSid: carrierSid, MessageStatus: 'sent' }))
        .status,
    ).toBe(204);
    const [after] = await t.db.query('SELECT status FROM messages WHERE carrier_sid = ?', [carrierSid]);
    expect((after as { status: string }[])[0]!.status).toBe('delivered');
  });
});
