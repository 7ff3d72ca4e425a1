import { optInConfirmation, optOutConfirmation, refusedMediaNotice } from './messaging-replies.util';

describe(optOutConfirmation.name, () => {
  it("names the channel and the debtor's creditors, and how to come back", () => {
    expect(optOutConfirmation('sms', ['Banco Andino'])).toBe(
      'Has sido dado de baja de los mensajes por SMS de Banco Andino. Responde ALTA para volver a recibirlos.',
    );
    expect(optOutConfirmation('whatsapp', ['A', 'B', 'A', 'C'])).toContain('por WhatsApp de A, B y C.');
    expect(optOutConfirmation('sms', [])).toContain('de Recupera.');
  });
});

describe(optInConfirmation.name, () => {
  it('says how to stop again', () => {
    expect(optInConfirmation('sms', ['Banco Andino'])).toMatch(/^Volverás a recibir .* Responde BAJA/);
  });
});

describe(refusedMediaNotice.name, () => {
  it('names the refused types once and says the text arrived', () => {
    expect(refusedMediaNotice('sms', ['application/zip', 'application/zip'])).toBe(
      'No pudimos recibir tu archivo (application/zip): ese tipo de archivo no se acepta por SMS. Tu mensaje sí nos llegó.',
    );
  });
});
