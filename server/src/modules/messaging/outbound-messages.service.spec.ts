import { MESSAGE_BODY_MAX } from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import type { MessagingCarrier } from './messaging-carrier.type';
import type { OutboundSend, SendResult } from './messaging.type';
import { OutboundMessagesService } from './outbound-messages.service';

/** A carrier that records what reaches it. */
function recordingCarrier(): MessagingCarrier & { sent: OutboundSend[] } {
  const sent: OutboundSend[] = [];
  return {
    name: 'simulated',
    sent,
    send: (request: OutboundSend): Promise<SendResult> => {
      sent.push(request);
      return Promise.resolve({ carrierSid: `SM${'0'.repeat(32)}`, status: 'queued' });
    },
    close: () => Promise.resolve(),
  };
}

const SMS: OutboundSend = { channel: 'sms', to: '+573001112233', body: 'Hola' };

describe(OutboundMessagesService.name, () => {
  it('hands a valid message to the carrier', async () => {
    const carrier = recordingCarrier();
    await expect(new OutboundMessagesService(carrier).send(SMS)).resolves.toEqual({
      carrierSid: `SM${'0'.repeat(32)}`,
      status: 'queued',
    });
    expect(carrier.sent).toEqual([SMS]);
  });

  it.each<[string, OutboundSend, RegExp]>([
    ['a number that is not E.164', { ...SMS, to: '3001112233' }, /E\.164/],
    ['an empty body', { ...SMS, body: '' }, /1 to 1600 characters/],
    ['an oversize body', { ...SMS, body: 'x'.repeat(MESSAGE_BODY_MAX + 1) }, /1 to 1600 characters/],
    [
      'a file type the channel does not carry',
      { ...SMS, media: [{ url: 'https://x.test/a.pdf', contentType: 'application/pdf', sizeBytes: 10 }] },
      /application\/pdf are not supported/,
    ],
    [
      'an oversize picture',
      {
        ...SMS,
        channel: 'whatsapp',
        media: [{ url: 'https://x.test/a.jpg', contentType: 'image/jpeg', sizeBytes: 6 * 1024 * 1024 }],
      },
      /limit is 5242880/,
    ],
  ])('refuses %s before the carrier sees it', async (_, request, message) => {
    const carrier = recordingCarrier();
    const refusal = new OutboundMessagesService(carrier).send(request);
    await expect(refusal).rejects.toBeInstanceOf(AppException);
    await expect(refusal).rejects.toThrow(message);
    expect(carrier.sent).toEqual([]);
  });

  it('lets an approved WhatsApp template go without a body', async () => {
    const carrier = recordingCarrier();
    await new OutboundMessagesService(carrier).send({
      channel: 'whatsapp',
      to: '+573001112233',
      body: '',
      contentSid: `HX${'a'.repeat(32)}`,
      contentVariables: { '1': 'Ana' },
    });
    expect(carrier.sent).toHaveLength(1);
  });
});
