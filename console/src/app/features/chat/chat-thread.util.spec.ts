import type { ChatMessageView, ConversationDetail } from '@recupera/shared';
import {
  addMessage,
  adoptMessageId,
  deliveryTicks,
  secondsUntil,
  templateRequired,
  withLocalMessages,
} from './chat-thread.util';

const NOW = Date.parse('2026-03-09T16:00:00Z');

function message(patch: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    id: 'm-1',
    conversationId: 'cv-1',
    author: 'agent',
    agentName: 'Ana',
    body: 'Hola',
    media: [],
    status: 'queued',
    at: new Date(NOW).toISOString(),
    clientRef: null,
    ...patch,
  };
}

describe('chat thread', () => {
  it('replaces an optimistic message by its echo, matched by clientRef, and ignores repeats', () => {
    const local = message({ id: 'local:r1', clientRef: 'r1' });
    const echo = message({ id: 'm-9', clientRef: 'r1', status: 'sent' });
    const once = addMessage([message({ id: 'm-0' }), local], echo);
    expect(once.map((m) => m.id)).toEqual(['m-0', 'm-9']);
    expect(addMessage(once, echo).map((m) => m.id)).toEqual(['m-0', 'm-9']);
  });

  it("gives the local copy the ack's id unless the echo came first", () => {
    const local = message({ id: 'local:r1', clientRef: 'r1' });
    expect(adoptMessageId([local], 'r1', 'm-9').map((m) => m.id)).toEqual(['m-9']);
    const echoed = [message({ id: 'm-9', clientRef: 'r1', status: 'delivered' })];
    expect(adoptMessageId(echoed, 'r1', 'm-9')).toEqual(echoed);
  });

  it('keeps unacknowledged messages across a fresh copy from the server', () => {
    const known = {
      id: 'cv-1',
      messages: [message({ id: 'm-0' }), message({ id: 'local:r2', clientRef: 'r2' })],
    };
    const fresh = {
      id: 'cv-1',
      messages: [message({ id: 'm-0' }), message({ id: 'm-1', author: 'debtor' })],
    };
    const merged = withLocalMessages(fresh as ConversationDetail, known as ConversationDetail);
    expect(merged.messages.map((m) => m.id)).toEqual(['m-0', 'm-1', 'local:r2']);
  });

  it('requires a template on WhatsApp after the window, or before the debtor ever wrote', () => {
    const until = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
    expect(templateRequired({ channel: 'whatsapp', freeFormUntil: until(1) }, NOW)).toBe(false);
    expect(templateRequired({ channel: 'whatsapp', freeFormUntil: until(0) }, NOW)).toBe(true);
    expect(templateRequired({ channel: 'whatsapp', freeFormUntil: null }, NOW)).toBe(true);
    expect(templateRequired({ channel: 'sms', freeFormUntil: null }, NOW)).toBe(false);
    expect(templateRequired({ channel: 'webchat', freeFormUntil: null }, NOW)).toBe(false);
  });

  it('draws delivery as ticks and counts down whole seconds', () => {
    expect(
      (['queued', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'received'] as const).map(
        deliveryTicks,
      ),
    ).toEqual(['pending', 'sent', 'delivered', 'read', 'failed', 'failed', 'none']);
    expect(secondsUntil(new Date(NOW + 29_001).toISOString(), NOW)).toBe(30);
    expect(secondsUntil(new Date(NOW - 5_000).toISOString(), NOW)).toBe(0);
    expect(secondsUntil('not a date', NOW)).toBe(0);
  });
});
