import { parseInboundMessage, splitInboundMedia } from './twilio-inbound.util';

const AT = new Date('2026-12-02T15:00:00Z');
const SID = `SM${'a'.repeat(32)}`;

describe(parseInboundMessage.name, () => {
  it('reads an SMS, and a WhatsApp message with a picture', () => {
    expect(
      parseInboundMessage({ MessageSid: SID, From: '+573001112233', To: '+15005550006', Body: 'BAJA' }, AT),
    ).toEqual({
      message: {
        channel: 'sms',
        from: '+573001112233',
        to: '+15005550006',
        body: 'BAJA',
        media: [],
        carrierSid: SID,
        at: AT,
      },
    });
    const whatsapp = parseInboundMessage(
      {
        MessageSid: SID,
        From: 'whatsapp:+573001112233',
        To: 'whatsapp:+15005550006',
        Body: '',
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/media/1',
        MediaContentType0: 'image/jpeg',
      },
      AT,
    );
    expect(whatsapp).toMatchObject({
      message: {
        channel: 'whatsapp',
        from: '+573001112233',
        media: [{ contentType: 'image/jpeg', sizeBytes: null }],
      },
    });
  });

  it('says what is wrong with a bad webhook', () => {
    expect(parseInboundMessage({ From: '+573001112233', To: '+15005550006' }, AT)).toEqual({
      problem: 'MessageSid is missing or malformed',
    });
    expect(
      parseInboundMessage({ MessageSid: SID, From: '3001112233', To: '+15005550006' }, AT),
    ).toMatchObject({
      problem: expect.stringContaining('From must be an E.164'),
    });
    expect(
      parseInboundMessage({ MessageSid: SID, From: '+573001112233', To: '+15005550006', NumMedia: '1' }, AT),
    ).toMatchObject({ problem: expect.stringContaining('MediaUrl0') });
  });
});

describe(splitInboundMedia.name, () => {
  const media = (contentType: string) => ({
    url: 'https://api.twilio.com/media/1',
    contentType,
    sizeBytes: null,
  });

  it('keeps what the channel carries and sets aside the rest', () => {
    expect(
      splitInboundMedia('whatsapp', [
        media('image/jpeg'),
        media('application/x-msdownload'),
        media('audio/ogg'),
      ]),
    ).toEqual({
      accepted: [media('image/jpeg'), media('audio/ogg')],
      refused: [media('application/x-msdownload')],
    });
  });

  it('judges each channel by its own rules (a PDF goes by WhatsApp, not by MMS)', () => {
    expect(splitInboundMedia('sms', [media('application/pdf')]).refused).toHaveLength(1);
    expect(splitInboundMedia('whatsapp', [media('application/pdf')]).accepted).toHaveLength(1);
    expect(splitInboundMedia('sms', [media('IMAGE/PNG; charset=binary')]).accepted).toHaveLength(1);
  });
});
