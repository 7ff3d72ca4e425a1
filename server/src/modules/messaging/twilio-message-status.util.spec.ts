import { toMessageStatus, twilioAddress } from './twilio-message-status.util';

describe(toMessageStatus.name, () => {
  it('maps every step of a delivery, and drops what is not one', () => {
    expect(['accepted', 'queued', 'sending', 'sent', 'delivered', 'read'].map(toMessageStatus)).toEqual([
      'queued',
      'queued',
      'queued',
      'sent',
      'delivered',
      'read',
    ]);
    expect(toMessageStatus('undelivered')).toBe('undelivered');
    expect(toMessageStatus('canceled')).toBe('failed');
    expect(toMessageStatus('partially_delivered')).toBeNull();
  });
});

describe(twilioAddress.name, () => {
  it('prefixes WhatsApp numbers only', () => {
    expect(twilioAddress('whatsapp', '+573001112233')).toBe('whatsapp:+573001112233');
    expect(twilioAddress('sms', '+573001112233')).toBe('+573001112233');
  });
});
