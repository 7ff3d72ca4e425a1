import { agreementDocumentPdf } from './agreement-document-pdf.util';
import { agreementDocument, type AgreementDocumentData } from './agreement-document.util';

/** 1,000,000 MXN minor units: 150,000 waived, 170,000 down, 3 × 226,666 and a last 226,668. */
const DATA: AgreementDocumentData = {
  agreementId: '42',
  status: 'active',
  // 20:00 on 1 Dec 2026 in Mexico City is 02:00 UTC on the 2nd.
  createdAt: new Date('2026-12-02T02:00:00Z'),
  agencyName: 'Recupera Cobranzas',
  clientName: 'Banco Cordillera',
  legalText: null,
  graceDays: 3,
  debtorName: 'Ana Ruiz',
  debtorNationalId: 'RUAA800101MDFZNN09',
  accountNumber: 'TC-0042',
  product: 'Tarjeta de crédito',
  currency: 'MXN',
  totalMinor: 850_000,
  downPaymentMinor: 170_000,
  waiverMinor: 150_000,
  settlesInFull: true,
  installments: [
    { seq: 2, dueDate: '2027-01-31', amountMinor: 226_666 },
    { seq: 0, dueDate: '2026-12-01', amountMinor: 170_000 },
    { seq: 1, dueDate: '2026-12-31', amountMinor: 226_666 },
    { seq: 3, dueDate: '2027-02-28', amountMinor: 226_668 },
  ],
  agentName: 'Agente Uno',
  timeZone: 'America/Mexico_City',
};

describe(agreementDocument.name, () => {
  it('names the parties, the account and the schedule in due order, adding up to the agreement', () => {
    const doc = agreementDocument(DATA, 'es');
    expect(doc.title).toBe('Convenio de pago');
    // Dated by the agency's calendar: still 1 Dec in Mexico City.
    expect(doc.subtitle).toBe('Convenio n.º 42 · 01/12/2026');
    expect(doc.sections[0].lines).toEqual([
      'Agencia de cobranza: Recupera Cobranzas',
      'Acreedor (cliente): Banco Cordillera',
      'Deudor: Ana Ruiz, identificación RUAA800101MDFZNN09',
      'Gestionado por: Agente Uno',
    ]);
    expect(doc.schedule.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Pago inicial', '01/12/2026'],
      ['Cuota 1', '31/12/2026'],
      ['Cuota 2', '31/01/2027'],
      ['Cuota 3', '28/02/2027'],
    ]);
    // 170,000 + 226,666 + 226,666 + 226,668 = 850,000 minor units = 8,500.00 MXN.
    expect(doc.schedule.total).toContain('8500,00');
    expect(doc.sections[2].lines.join('\n')).toContain('Condonación (quita) otorgada');
  });

  it('says in words that the plan settles the debt in full, or that it is only a partial payment', () => {
    expect(agreementDocument(DATA, 'es').scope.text).toContain(
      'LIQUIDA LA TOTALIDAD DEL ADEUDO de la cuenta TC-0042',
    );
    const partial = agreementDocument({ ...DATA, settlesInFull: false }, 'es').scope.text;
    expect(partial).toContain('PAGO PARCIAL');
    expect(partial).toContain('NO liquidan la totalidad del adeudo');
    expect(partial).not.toContain('LIQUIDA LA TOTALIDAD');
    expect(agreementDocument({ ...DATA, settlesInFull: false }, 'en').scope.text).toContain(
      'PARTIAL PAYMENT',
    );
    // The grace the daily check allows is part of the deal.
    expect(partial).toContain('hasta 3 día(s) natural(es)');
  });

  it('carries the client’s legal text, and a default wording in the reader’s language when there is none', () => {
    const own = agreementDocument({ ...DATA, legalText: 'Cláusula primera.\n\nCláusula segunda.' }, 'es');
    expect(own.legal.paragraphs).toEqual(['Cláusula primera.', 'Cláusula segunda.']);
    expect(agreementDocument({ ...DATA, legalText: '   ' }, 'es').legal.paragraphs[0]).toMatch(
      /^El deudor reconoce el adeudo/,
    );
    const english = agreementDocument(DATA, 'en');
    expect(english.legal.paragraphs[0]).toMatch(/^The debtor acknowledges the debt/);
    expect(english.subtitle).toBe('Agreement no. 42 · 12/01/2026');
    expect(english.sections[0].lines[2]).toBe('Debtor: Ana Ruiz, national id RUAA800101MDFZNN09');
  });

  it('prints a PDF with the scope statement and the schedule in it', async () => {
    const pdf = await agreementDocumentPdf(agreementDocument({ ...DATA, settlesInFull: false }, 'es'), {
      compress: false,
    });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    // pdfkit writes each line as a TJ array of hex glyph runs split by kerning: join them back.
    const lines = [...raw.matchAll(/\[(.*?)\] TJ/g)].map((m) =>
      [...m[1].matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
    );
    // Justified lines space words apart instead of writing spaces: compare without them.
    const text = lines.join('').replace(/\s+/g, '');
    expect(text).toContain('EsteconvenioesunPAGOPARCIAL');
    expect(text).toContain('Cuota328/02/20272266,68MXN');
    expect(text).toContain('Firmadeldeudor');
  });
});
