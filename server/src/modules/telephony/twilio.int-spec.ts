import { createHmac } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { TwilioCarrier } from '@recupera/dialer';
import type { VoiceTokenResponse } from '@recupera/shared';
import { getExpectedTwilioSignature } from 'twilio';
import { FAKE_CONFERENCE_SID, FakeTwilioApi } from '../../testing/fake-twilio-api.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { TWILIO_CARRIER } from './telephony.module';

type Sink = Parameters<TwilioCarrier['onEvent']>[0];

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'test-auth-token-0123456789';
const WEBHOOK_BASE = 'https://recupera.test';
const CALL_SID = 'CAfedcba9876543210fedcba9876543210';
const VOICE = {
  apiKeySid: 'SK0123456789abcdef0123456789abcdef',
  apiKeySecret: 'voice-api-key-secret-0123456789',
  twimlAppSid: 'AP0123456789abcdef0123456789abcdef',
};

/** The payload of a JWT, unverified (the signature is checked separately). */
function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

function signedUrl(path: string): string {
  return `${WEBHOOK_BASE}/api/telephony/twilio/voice/${path}`;
}

describe('Twilio carrier and webhooks', () => {
  const fake = new FakeTwilioApi(ACCOUNT_SID, () => CALL_SID);
  let test: TestApp;
  let carrier: TwilioCarrier;
  let sink: jest.Mock<ReturnType<Sink>, Parameters<Sink>>;

  beforeAll(async () => {
    const apiBaseUrl = await fake.start();
    test = await startTestApp({
      carrier: 'twilio',
      runDialer: false,
      twilio: {
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        webhookBaseUrl: WEBHOOK_BASE,
        apiBaseUrl,
        voice: VOICE,
      },
    });
    carrier = test.app.get<TwilioCarrier>(TWILIO_CARRIER);
  });

  afterAll(async () => {
    await test?.close();
    await fake.stop();
  });

  beforeEach(() => {
    fake.requests.length = 0;
    sink = jest.fn<ReturnType<Sink>, Parameters<Sink>>(async () => undefined);
    carrier.onEvent(sink);
  });

  /** Posts a form the way Twilio does, signed for the public URL unless a signature is given. */
  async function webhook(path: string, params: Record<string, string>, signature?: string | null) {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const header =
      signature === undefined ? getExpectedTwilioSignature(AUTH_TOKEN, signedUrl(path), params) : signature;
    if (header !== null) headers['x-twilio-signature'] = header;
    const response = await fetch(`${test.url}/api/telephony/twilio/voice/${path}`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(params),
    });
    return {
      status: response.status,
      text: await response.text(),
      type: response.headers.get('content-type'),
    };
  }

  function statusParams(callStatus: string): Record<string, string> {
    return { AccountSid: ACCOUNT_SID, CallSid: CALL_SID, CallStatus: callStatus, To: '+525555550100' };
  }

  describe('REST calls', () => {
    it('places a call with webhooks for answer, status and asynchronous machine detection', async () => {
      const handle = await carrier.placeCall({
        callId: '42',
        campaignId: '3',
        to: '+525555550100',
        from: '+5716015000',
        ringTimeoutSeconds: 25,
        machineAction: 'hang_up',
        voicemailMessage: '',
      });

      expect(handle).toEqual({ callId: '42', carrierSid: CALL_SID });
      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      expect(request.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`);
      expect(request.authorization).toBe(
        `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
      );
      expect(Object.fromEntries(request.form)).toMatchObject({
        To: '+525555550100',
        From: '+5716015000',
        Url: signedUrl('answer?callId=42'),
        StatusCallback: signedUrl('status?callId=42'),
        StatusCallbackMethod: 'POST',
        Timeout: '25',
        MachineDetection: 'Enable',
        AsyncAmd: 'true',
        AsyncAmdStatusCallback: signedUrl('amd?callId=42'),
        AsyncAmdStatusCallbackMethod: 'POST',
      });
      expect(request.form.getAll('StatusCallbackEvent')).toEqual([
        'initiated',
        'ringing',
        'answered',
        'completed',
      ]);
    });

    it('waits for the end of the greeting when the campaign leaves a message on machines', async () => {
      await carrier.placeCall({
        callId: '43',
        campaignId: '3',
        to: '+525555550101',
        from: '+5716015000',
        ringTimeoutSeconds: 30,
        machineAction: 'leave_message',
        voicemailMessage: 'Llámenos',
      });

      expect(fake.requests[0].form.get('MachineDetection')).toBe('DetectMessageEnd');
    });

    it("bridges a debtor and rings the agent's browser into one conference, then plays a message and hangs up", async () => {
      const call = { callId: '42', carrierSid: CALL_SID };
      await carrier.bridgeToAgent(call, '7');
      const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}.json`;
      const conference =
        '<Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false">agent-7</Conference></Dial>';
      const bridge = fake.requests.find((request) => request.path === path)!.form;
      const agentLeg = fake.requests.find((request) => request.path.endsWith('/Calls.json'))!.form;
      expect(bridge.get('Twiml')).toContain(conference);
      expect(agentLeg.get('To')).toBe('client:user-7');
      expect(agentLeg.get('Twiml')).toContain(conference);
      fake.requests.length = 0;

      await carrier.playMessageAndHangUp(call, 'Pague <hoy> & ahorre');
      await carrier.hangUp(call);
      expect(fake.requests.map((request) => request.path)).toEqual([path, path]);
      const [message, hangUp] = fake.requests.map((request) => request.form);
      expect(message.get('Twiml')).toContain(
        '<Say language="es-MX">Pague &lt;hoy&gt; &amp; ahorre</Say><Hangup/>',
      );
      expect(Object.fromEntries(hangUp)).toEqual({ Status: 'completed' });
    });

    it("holds and releases the debtor's leg in the agent's conference", async () => {
      const call = { callId: '42', carrierSid: CALL_SID };
      await carrier.hold(call, '7', true);
      await carrier.hold(call, '7', false);

      const [lookup, hold, lookupAgain, release] = fake.requests;
      expect(lookup.method).toBe('GET');
      expect(lookup.query.get('FriendlyName')).toBe('agent-7');
      expect(lookup.query.get('Status')).toBe('in-progress');
      const participant = `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${FAKE_CONFERENCE_SID}/Participants/${CALL_SID}.json`;
      expect([hold.path, release.path]).toEqual([participant, participant]);
      expect(lookupAgain.method).toBe('GET');
      expect([hold.form.get('Hold'), release.form.get('Hold')]).toEqual(['true', 'false']);
    });
  });

  it("brings a supervisor into the agent's conference to listen, then to whisper to the agent", async () => {
    const call = { callId: '42', carrierSid: CALL_SID, agentLeg: 'CA' + 'a'.repeat(32), monitorLeg: null };
    const leg = await carrier.monitor(call, '7', '3', 'listen');
    const created = fake.requests.find((r) => r.path.endsWith('/Participants.json'))!;
    expect(created.form.get('To')).toBe('client:user-3');
    expect(created.form.get('Muted')).toBe('true');
    expect(created.form.get('EndConferenceOnExit')).toBe('false');
    fake.requests.length = 0;

    expect(await carrier.monitor({ ...call, monitorLeg: leg }, '7', '3', 'whisper')).toBe(leg);
    const updated = fake.requests.find((r) => r.path.endsWith(`/Participants/${leg}.json`))!;
    expect(updated.form.get('Coaching')).toBe('true');
    expect(updated.form.get('CallSidToCoach')).toBe(call.agentLeg);
    expect(updated.form.get('Muted')).toBe('false');
  });

  describe('browser softphone token', () => {
    it("gives an agent a Voice SDK token for their own line, signed with the API key's secret", async () => {
      const agentId = await insertUser(test.db, { email: 'voice.agent@x.co', role: 'agent' });
      const token = await login(test.url, 'voice.agent@x.co');

      const { status, body } = await api<VoiceTokenResponse>(test.url, 'GET', '/telephony/voice-token', {
        token,
      });

      expect(status).toBe(200);
      if (body.carrier !== 'twilio') throw new Error('expected a Twilio token');
      expect(body.identity).toBe(`user-${agentId}`);
      const payload = jwtPayload(body.token);
      expect(payload).toMatchObject({
        iss: VOICE.apiKeySid,
        sub: ACCOUNT_SID,
        grants: {
          identity: `user-${agentId}`,
          voice: { incoming: { allow: true }, outgoing: { application_sid: VOICE.twimlAppSid } },
        },
      });
      const [header, claims, signature] = body.token.split('.');
      expect(createHmac('sha256', VOICE.apiKeySecret).update(`${header}.${claims}`).digest('base64url')).toBe(
        signature,
      );
    });

    it('refuses the token to a manager, and to nobody signed in', async () => {
      await insertUser(test.db, { email: 'voice.manager@x.co', role: 'manager' });
      const token = await login(test.url, 'voice.manager@x.co');

      expect((await api(test.url, 'GET', '/telephony/voice-token', { token })).status).toBe(403);
      expect((await api(test.url, 'GET', '/telephony/voice-token')).status).toBe(401);
    });
  });

  describe('webhooks', () => {
    it('delivers a signed status webhook (a urlencoded form) to the dialer', async () => {
      const response = await webhook('status?callId=42', {
        ...statusParams('ringing'),
        Timestamp: 'Mon, 02 Mar 2026 15:00:02 +0000',
      });

      expect(response.status).toBe(204);
      expect(sink).toHaveBeenCalledTimes(1);
      expect(sink).toHaveBeenCalledWith({
        kind: 'ringing',
        callId: '42',
        carrierSid: CALL_SID,
        at: new Date('2026-03-02T15:00:02.000Z'),
      });
    });

    it('delivers a retried webhook once, and the next status of the call again', async () => {
      const params = { ...statusParams('busy'), CallSid: 'CA11111111111111111111111111111111' };
      const first = await webhook('status?callId=44', params);
      const retry = await webhook('status?callId=44', params);
      const completed = await webhook('status?callId=44', { ...params, CallStatus: 'completed' });

      expect([first.status, retry.status, completed.status]).toEqual([204, 204, 204]);
      expect(sink.mock.calls.map(([event]) => event.kind === 'ended' && event.reason)).toEqual([
        'busy',
        'completed',
      ]);
    });

    it("lets Twilio's retry through when the dialer failed to take a delivery", async () => {
      sink.mockRejectedValueOnce(new Error('dialer unavailable'));
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const params = { ...statusParams('no-answer'), CallSid: 'CA33333333333333333333333333333333' };
      const failed = await webhook('status?callId=47', params);
      const retry = await webhook('status?callId=47', params);

      const errors = logged.mock.calls.map(([message]) => String(message));
      logged.mockRestore();

      expect([failed.status, retry.status]).toEqual([500, 204]);
      expect(sink).toHaveBeenCalledTimes(2);
      expect(errors).toEqual([expect.stringContaining('dialer unavailable')]);
    });

    it('delivers who answered from the machine-detection webhook', async () => {
      const params = { AccountSid: ACCOUNT_SID, CallSid: CALL_SID, AnsweredBy: 'machine_end_beep' };
      const response = await webhook('amd?callId=42', params);
      await webhook('amd?callId=42', params);

      expect(response.status).toBe(204);
      expect(sink).toHaveBeenCalledTimes(1);
      expect(sink.mock.calls[0][0]).toMatchObject({ kind: 'answered', callId: '42', answeredBy: 'machine' });
    });

    it('refuses a forged, a missing or a misplaced signature without reading the body', async () => {
      const params = { ...statusParams('completed'), CallSid: 'CA22222222222222222222222222222222' };
      const forged = await webhook('status?callId=45', params, 'bm90IGEgc2lnbmF0dXJl');
      const missing = await webhook('status?callId=45', params, null);
      const otherCall = await webhook(
        'status?callId=46',
        params,
        getExpectedTwilioSignature(AUTH_TOKEN, signedUrl('status?callId=45'), params),
      );
      const otherToken = await webhook(
        'status?callId=45',
        params,
        getExpectedTwilioSignature('another-auth-token-000', signedUrl('status?callId=45'), params),
      );

      for (const response of [forged, missing, otherCall, otherToken]) {
        expect(response.status).toBe(403);
        expect(JSON.parse(response.text)).toMatchObject({ code: 'forbidden' });
      }
      expect(sink).not.toHaveBeenCalled();
      // Refused deliveries leave no de-duplication mark: the genuine one still gets through.
      expect((await webhook('status?callId=45', params)).status).toBe(204);
      expect(sink).toHaveBeenCalledTimes(1);
    });

    it.each(['abc', '0', '-1', '1.5'])('refuses callId %p with 400', async (callId) => {
      const response = await webhook(`status?callId=${callId}`, statusParams('ringing'));

      expect(response.status).toBe(400);
      expect(JSON.parse(response.text)).toMatchObject({ code: 'validation_failed' });
      expect(sink).not.toHaveBeenCalled();
    });

    it('refuses a webhook without a callId', async () => {
      expect((await webhook('amd', { CallSid: CALL_SID, AnsweredBy: 'human' })).status).toBe(400);
      expect(sink).not.toHaveBeenCalled();
    });

    it('answers a picked-up call with TwiML that holds the line', async () => {
      const response = await webhook('answer?callId=42', {
        ...statusParams('in-progress'),
        Direction: 'outbound-api',
      });

      expect(response.status).toBe(200);
      expect(response.type).toMatch(/^text\/xml/);
      expect(response.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="60"/></Response>',
      );
      expect(sink).not.toHaveBeenCalled();
    });

    it("joins an agent's softphone to the agent's conference", async () => {
      const response = await webhook('agent?agentId=7', { AccountSid: ACCOUNT_SID, CallSid: CALL_SID });

      expect(response.status).toBe(200);
      expect(response.type).toMatch(/^text\/xml/);
      expect(response.text).toContain(
        '<Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false">agent-7</Conference>',
      );
    });

    it("joins a browser softphone to its user's conference, by the signed client identity", async () => {
      const response = await webhook('agent', {
        AccountSid: ACCOUNT_SID,
        CallSid: CALL_SID,
        From: 'client:user-9',
      });

      expect(response.status).toBe(200);
      expect(response.text).toContain('endConferenceOnExit="true" beep="false">agent-9</Conference>');
      expect(
        (await webhook('agent', { AccountSid: ACCOUNT_SID, CallSid: CALL_SID, From: '+5215555' })).status,
      ).toBe(400);
    });

    it('refuses the answer webhook without a valid signature', async () => {
      const response = await webhook('answer?callId=42', statusParams('in-progress'), 'forged');

      expect(response.status).toBe(403);
    });
  });
});

describe('Twilio webhooks without Twilio configured', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp({ carrier: 'simulated', twilio: null, runDialer: false });
  });

  afterAll(async () => {
    await test?.close();
  });

  it('provides no Twilio carrier and refuses every webhook', async () => {
    expect(test.app.get(TWILIO_CARRIER)).toBeNull();
    const params = { CallSid: CALL_SID, CallStatus: 'ringing' };
    const response = await fetch(`${test.url}/api/telephony/twilio/voice/status?callId=42`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(AUTH_TOKEN, signedUrl('status?callId=42'), params),
      },
      body: new URLSearchParams(params),
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden' });
  });
});
