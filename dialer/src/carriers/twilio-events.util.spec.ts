import { twilioCallEvent, twilioWebhookOutcome } from './twilio-events.util';

const now = new Date('2026-03-02T15:00:00.000Z');
const sid = 'CA0123456789abcdef0123456789abcdef';

function status(callStatus: string, extra: Record<string, string> = {}) {
  return twilioCallEvent('status', '42', { CallSid: sid, CallStatus: callStatus, ...extra }, now);
}

function amd(answeredBy: string) {
  return twilioCallEvent('amd', '42', { CallSid: sid, AnsweredBy: answeredBy }, now);
}

describe('twilioCallEvent', () => {
  it('reports a ringing call', () => {
    expect(status('ringing')).toEqual({ kind: 'ringing', callId: '42', carrierSid: sid, at: now });
  });

  it.each([
    ['completed', 'completed'],
    ['busy', 'busy'],
    ['no-answer', 'no_answer'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
  ])('ends a call Twilio reports as %s with reason %s', (callStatus, reason) => {
    expect(status(callStatus)).toEqual({ kind: 'ended', callId: '42', carrierSid: sid, at: now, reason });
  });

  it.each(['queued', 'initiated', 'in-progress'])(
    'reports nothing for %s, leaving the answer to AMD',
    (callStatus) => {
      expect(status(callStatus)).toBeNull();
    },
  );

  it('ignores a call status it does not know', () => {
    expect(status('teleported')).toBeNull();
    expect(twilioCallEvent('status', '42', { CallSid: sid }, now)).toBeNull();
  });

  it("takes the event's time from Twilio's Timestamp when it is readable", () => {
    expect(status('ringing', { Timestamp: 'Mon, 02 Mar 2026 14:59:58 +0000' })?.at).toEqual(
      new Date('2026-03-02T14:59:58.000Z'),
    );
    expect(status('ringing', { Timestamp: 'not a date' })?.at).toEqual(now);
  });

  it.each(['human', 'unknown'])('hands a call answered by %s to an agent as a human', (answeredBy) => {
    expect(amd(answeredBy)).toEqual({
      kind: 'answered',
      callId: '42',
      carrierSid: sid,
      at: now,
      answeredBy: 'human',
    });
  });

  it.each(['machine_start', 'machine_end_beep', 'machine_end_silence', 'machine_end_other', 'fax'])(
    'treats a call answered by %s as a machine',
    (answeredBy) => {
      expect(amd(answeredBy)).toMatchObject({ kind: 'answered', answeredBy: 'machine' });
    },
  );

  it('ignores a detection result it does not know', () => {
    expect(amd('robot')).toBeNull();
  });
});

describe('twilioWebhookOutcome', () => {
  it('tells deliveries apart by call status or by who answered', () => {
    expect(twilioWebhookOutcome('status', { CallStatus: 'ringing', AnsweredBy: 'human' })).toBe('ringing');
    expect(twilioWebhookOutcome('amd', { CallStatus: 'in-progress', AnsweredBy: 'human' })).toBe('human');
    expect(twilioWebhookOutcome('amd', {})).toBe('');
  });
});
