import { mediaProblem } from './message-media.util';
import { whatsappSendAllowed } from './whatsapp-window.util';

const MB = 1024 * 1024;

describe(mediaProblem.name, () => {
  it('accepts a WhatsApp PDF and refuses an executable or an oversize image', () => {
    expect(
      mediaProblem('whatsapp', [
        { url: 'https://x/a.pdf', contentType: 'application/pdf', sizeBytes: 2 * MB },
      ]),
    ).toBeNull();
    expect(
      mediaProblem('whatsapp', [
        { url: 'https://x/a.exe', contentType: 'application/x-msdownload', sizeBytes: 10 },
      ]),
    ).toEqual({
      kind: 'unsupported_type',
      contentType: 'application/x-msdownload',
    });
    expect(
      mediaProblem('whatsapp', [{ url: 'https://x/a.jpg', contentType: 'image/jpeg', sizeBytes: 6 * MB }]),
    ).toMatchObject({
      kind: 'too_large',
      limitBytes: 5 * MB,
    });
  });

  it('limits an MMS as a whole: two 3 MB images are too much', () => {
    const image = { url: 'https://x/a.png', contentType: 'image/png', sizeBytes: 3 * MB };
    expect(mediaProblem('sms', [image])).toBeNull();
    expect(mediaProblem('sms', [image, image])).toMatchObject({ kind: 'too_large', sizeBytes: 6 * MB });
  });
});

describe(whatsappSendAllowed.name, () => {
  const wrote = new Date('2026-12-01T10:00:00Z');
  it('lets free text go within 24 hours of the debtor writing, and only templates after', () => {
    expect(whatsappSendAllowed(wrote, new Date('2026-12-02T09:59:59Z'), false)).toEqual({ allowed: true });
    expect(whatsappSendAllowed(wrote, new Date('2026-12-02T10:00:00Z'), false)).toEqual({
      allowed: false,
      reason: 'template_required',
    });
    expect(whatsappSendAllowed(null, new Date('2026-12-02T10:00:00Z'), true)).toEqual({ allowed: true });
  });
});
