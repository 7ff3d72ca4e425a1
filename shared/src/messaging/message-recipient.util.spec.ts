import {
  dueDateMatches,
  dueDateWindow,
  parseAudience,
  pickContactPoint,
  pickReminderRoute,
  type RecipientPoint,
} from './message-recipient.util';

const point = (id: string, patch: Partial<RecipientPoint> = {}): RecipientPoint => ({
  id,
  type: 'mobile',
  value: `+57300100${id.padStart(4, '0')}`,
  valid: true,
  doNotContact: false,
  consent: 'unknown',
  channelConsent: {},
  ...patch,
});

describe(pickContactPoint.name, () => {
  it('sends SMS to a valid E.164 mobile only, never a landline, an invalid or a malformed number', () => {
    expect(
      pickContactPoint('sms', [
        point('1', { type: 'landline' }),
        point('2', { valid: false }),
        point('3', { value: '3001002000' }),
        point('4', { type: 'whatsapp' }),
      ]),
    ).toBeNull();
    expect(pickContactPoint('sms', [point('1', { type: 'landline' }), point('5')])?.id).toBe('5');
  });

  it('prefers a WhatsApp number for WhatsApp, else a mobile', () => {
    expect(pickContactPoint('whatsapp', [point('1'), point('2', { type: 'whatsapp' })])?.id).toBe('2');
    expect(pickContactPoint('whatsapp', [point('1'), point('2', { type: 'landline' })])?.id).toBe('1');
  });

  it('prefers a point the gate passes, but keeps a refused one when it is the only one', () => {
    const withdrawn = point('1', { consent: 'granted', channelConsent: { sms: 'withdrawn' } });
    expect(pickContactPoint('sms', [withdrawn, point('2')])?.id).toBe('2');
    expect(pickContactPoint('sms', [point('3', { doNotContact: true }), point('4')])?.id).toBe('4');
    expect(pickContactPoint('sms', [withdrawn])?.id).toBe('1');
    // The SMS opt-out does not touch WhatsApp.
    expect(pickContactPoint('whatsapp', [withdrawn, point('2')])?.id).toBe('1');
  });
});

describe(pickReminderRoute.name, () => {
  const sms = { id: 's', clientId: null, channel: 'sms' as const };
  const whatsapp = { id: 'w', clientId: null, channel: 'whatsapp' as const };
  const clientWhatsapp = { id: 'cw', clientId: '7', channel: 'whatsapp' as const };

  it("takes the client's own template first, then SMS before WhatsApp", () => {
    expect(pickReminderRoute([sms, whatsapp, clientWhatsapp], [point('1')])).toMatchObject({
      template: { id: 'cw' },
    });
    expect(pickReminderRoute([whatsapp, sms], [point('1')])).toMatchObject({ template: { id: 's' } });
  });

  it('goes by WhatsApp when the debtor opted out of SMS', () => {
    const optedOut = point('1', { channelConsent: { sms: 'withdrawn' } });
    expect(pickReminderRoute([sms, whatsapp], [optedOut])).toMatchObject({
      template: { id: 'w' },
      point: { id: '1' },
    });
  });

  it('says what is missing', () => {
    expect(pickReminderRoute([], [point('1')])).toEqual({ problem: 'no_template' });
    expect(pickReminderRoute([sms], [point('1', { type: 'landline' })])).toEqual({
      problem: 'no_contact_point',
    });
  });
});

describe('due dates counted from the debtor’s today', () => {
  // 03:00 UTC on 10 March: still 9 March in Bogotá, already 10 March in Madrid.
  const now = new Date('2026-03-10T03:00:00Z');

  it('reads a window of a day either side of UTC', () => {
    expect(dueDateWindow(3, now)).toEqual({ from: '2026-03-12', to: '2026-03-14' });
  });

  it('matches on the debtor’s own calendar', () => {
    expect(dueDateMatches('2026-03-12', 3, 'America/Bogota', now)).toBe(true);
    expect(dueDateMatches('2026-03-13', 3, 'America/Bogota', now)).toBe(false);
    expect(dueDateMatches('2026-03-13', 3, 'Europe/Madrid', now)).toBe(true);
  });
});

describe(parseAudience.name, () => {
  it('keeps the fields of the kind only', () => {
    expect(parseAudience({ kind: 'due_in_days', days: 3, extra: 'x' })).toEqual({
      audience: { kind: 'due_in_days', days: 3 },
    });
    expect(parseAudience({ kind: 'broken_agreements', days: 9 })).toEqual({
      audience: { kind: 'broken_agreements' },
    });
    expect(parseAudience({ kind: 'past_due', minDaysPastDue: 30, maxDaysPastDue: 60 })).toEqual({
      audience: { kind: 'past_due', minDaysPastDue: 30, maxDaysPastDue: 60 },
    });
  });

  it('explains what is wrong', () => {
    expect(parseAudience({ kind: 'installment_due_in_days', days: -1 })).toEqual({
      problem: expect.stringMatching(/0 to 60/) as unknown,
    });
    expect(parseAudience({ kind: 'due_in_days', days: '3' })).toHaveProperty('problem');
    expect(parseAudience({ kind: 'past_due', minDaysPastDue: 60, maxDaysPastDue: 30 })).toEqual({
      problem: expect.stringMatching(/maxDaysPastDue/) as unknown,
    });
    expect(parseAudience({ kind: 'everyone' })).toHaveProperty('problem');
    expect(parseAudience(null)).toHaveProperty('problem');
  });
});
