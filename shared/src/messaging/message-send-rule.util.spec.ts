import { channelSendProblem, paceSlot } from './message-send-rule.util';

const HX = 'HX0123456789abcdef0123456789abcdef';

describe(channelSendProblem.name, () => {
  const now = new Date('2026-03-10T15:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it('lets WhatsApp free text go within 24 h of the debtor’s last message only', () => {
    expect(channelSendProblem('whatsapp', null, hoursAgo(23), now)).toBeNull();
    expect(channelSendProblem('whatsapp', null, hoursAgo(25), now)).toBe('template_required');
    expect(channelSendProblem('whatsapp', null, null, now)).toBe('template_required');
  });

  it('lets an approved template go at any time, and SMS has no such rule', () => {
    expect(channelSendProblem('whatsapp', HX, null, now)).toBeNull();
    expect(channelSendProblem('sms', null, null, now)).toBeNull();
  });
});

describe(paceSlot.name, () => {
  it('spaces messages evenly at the rate, and an idle sender starts at once', () => {
    let next = 0;
    const slots: number[] = [];
    for (let i = 0; i < 3; i++) {
      const slot = paceSlot(next, 1_000, 10);
      slots.push(slot.at);
      next = slot.nextFree;
    }
    expect(slots).toEqual([1_000, 1_100, 1_200]);
    expect(paceSlot(next, 5_000, 10).at).toBe(5_000);
  });
});
