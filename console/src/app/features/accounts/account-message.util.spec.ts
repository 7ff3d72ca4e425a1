import { ErrorCode, type ContactPointView } from '@recupera/shared';
import { channelConsentOf, messagePoints, messageRefusal } from './account-message.util';

const point = (
  id: string,
  type: ContactPointView['type'],
  extra: Partial<ContactPointView> = {},
): ContactPointView => ({
  id,
  type,
  value: `+52155500000${id}`,
  valid: true,
  consent: 'granted',
  channelConsents: [],
  doNotContact: false,
  ...extra,
});

describe('account message', () => {
  const points = [point('1', 'landline'), point('2', 'mobile'), point('3', 'whatsapp'), point('4', 'email')];

  it('offers SMS to mobiles only, and WhatsApp to WhatsApp numbers and mobiles', () => {
    expect(messagePoints(points, 'sms').map((p) => p.id)).toEqual(['2']);
    expect(messagePoints(points, 'whatsapp').map((p) => p.id)).toEqual(['2', '3']);
  });

  it("reads a channel's consent from what the debtor said on it, else from the point", () => {
    const mobile = point('2', 'mobile', {
      channelConsents: [{ channel: 'sms', status: 'withdrawn', changedAt: '2026-12-02T15:00:00.000Z' }],
    });
    expect(channelConsentOf(mobile, 'sms')).toBe('withdrawn');
    expect(channelConsentOf(mobile, 'whatsapp')).toBe('granted');
  });

  it("tells the gate's refusal apart from other failures", () => {
    expect(
      messageRefusal({
        status: 409,
        code: ErrorCode.Conflict,
        message: 'The message may not be sent: consent_withdrawn',
        details: { reason: 'consent_withdrawn', retryAt: null },
      }),
    ).toEqual({ reason: 'consent_withdrawn', retryAt: null });
    expect(
      messageRefusal({
        status: 409,
        code: ErrorCode.Conflict,
        message: 'outside hours',
        details: { reason: 'outside_hours', retryAt: '2026-12-03T13:00:00.000Z' },
      }),
    ).toEqual({ reason: 'outside_hours', retryAt: '2026-12-03T13:00:00.000Z' });
    expect(messageRefusal({ status: 409, code: ErrorCode.Conflict, message: 'taken' })).toBeNull();
    expect(
      messageRefusal({ status: 404, code: ErrorCode.NotFound, message: 'no', details: { reason: 'x' } }),
    ).toBeNull();
  });
});
