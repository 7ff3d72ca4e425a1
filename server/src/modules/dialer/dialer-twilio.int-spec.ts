import type { DialerEngine } from '@recupera/dialer';
import type { CallView } from '@recupera/shared';
import { getExpectedTwilioSignature } from 'twilio';
import {
  DialerFixtures,
  WEDNESDAY_MORNING_IN_BOGOTA,
  emitWithAck,
  until,
} from '../../testing/dialer-fixtures.util';
import { FakeTwilioApi } from '../../testing/fake-twilio-api.util';
import { startTestApp, type TestApp } from '../../testing/test-app.util';
import { DIALER_ENGINE } from './dialer.constant';

const ACCOUNT_SID = 'AC00112233445566778899aabbccddeeff';
const AUTH_TOKEN = 'dialer-twilio-auth-token-0123';
const WEBHOOK_BASE = 'https://recupera.test';

/**
 * The dialer on the Twilio carrier: the real SDK places the call against a local stand-in for
 * Twilio's REST API, and the test plays Twilio's part on the way back with signed webhooks.
 */
describe('Live dialer on Twilio', () => {
  const fake = new FakeTwilioApi(ACCOUNT_SID);
  let t: TestApp;
  let f: DialerFixtures;
  const startedAt = Date.now();

  beforeAll(async () => {
    const apiBaseUrl = await fake.start();
    t = await startTestApp({
      carrier: 'twilio',
      twilio: {
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        webhookBaseUrl: WEBHOOK_BASE,
        apiBaseUrl,
        voice: null,
      },
    });
    const engine = t.app.get<DialerEngine>(DIALER_ENGINE);
    engine.ctx.clock.now = () => new Date(WEDNESDAY_MORNING_IN_BOGOTA.getTime() + (Date.now() - startedAt));
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('BOG-9', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573001119999');
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
    await fake.stop();
  });

  async function webhook(path: string, params: Record<string, string>): Promise<number> {
    const signature = getExpectedTwilioSignature(
      AUTH_TOKEN,
      `${WEBHOOK_BASE}/api/telephony/twilio/voice/${path}`,
      params,
    );
    const response = await fetch(`${t.url}/api/telephony/twilio/voice/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params),
    });
    return response.status;
  }

  it('dials through the SDK, bridges a human answer into the agent conference and ends the call', async () => {
    const agent = await f.connectAgent('a@dialer.test');
    const connected = new Promise<CallView>((resolve) => agent.once('call.connected', resolve));
    const ended = new Promise<{ callId: string }>((resolve) => agent.once('call.ended', resolve));
    expect(await emitWithAck(agent, 'agent.state-requested', { state: 'available' })).toEqual({ ok: true });
    await f.startCampaign('Twilio', f.ids['p1'], f.ids['teamA']);

    const created = await until('the call to be created at Twilio', async () =>
      fake.requests.find((r) => r.path.endsWith('/Calls.json')),
    );
    expect(created.form.get('To')).toBe('+573001119999');
    expect(created.form.get('MachineDetection')).toBe('Enable');
    const callId = new URL(created.form.get('Url')!).searchParams.get('callId')!;
    const sid = 'CA' + '1'.padStart(32, '0');

    expect(await webhook(`status?callId=${callId}`, { CallSid: sid, CallStatus: 'ringing' })).toBe(204);
    const human = { CallSid: sid, AnsweredBy: 'human' };
    expect(await webhook(`amd?callId=${callId}`, human)).toBe(204);
    // Twilio retries webhooks: the same answer again must not bridge twice.
    expect(await webhook(`amd?callId=${callId}`, human)).toBe(204);

    const call = await connected;
    expect(call).toMatchObject({ callId, accountNumber: 'BOG-9', phone: '+573001119999' });
    const bridges = fake.requests.filter((r) => r.path.endsWith(`/Calls/${sid}.json`) && r.form.get('Twiml'));
    expect(bridges).toHaveLength(1);
    expect(bridges[0].form.get('Twiml')).toContain(`agent-${f.ids['agentA']}</Conference>`);

    expect(await webhook(`status?callId=${callId}`, { CallSid: sid, CallStatus: 'completed' })).toBe(204);
    expect((await ended).callId).toBe(callId);
    const [rows] = await t.db.query(
      'SELECT stage, outcome, carrier_sid, ringing_at FROM interactions WHERE id = ?',
      [callId],
    );
    expect(rows).toEqual([expect.objectContaining({ stage: 'ended', outcome: 'human', carrier_sid: sid })]);
    expect((rows as { ringing_at: Date | null }[])[0].ringing_at).not.toBeNull();
  });
});
