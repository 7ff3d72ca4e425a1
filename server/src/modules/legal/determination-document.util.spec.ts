import { formatMoney } from '@recupera/shared';
import { determinationDocument, localDateTime, type DeterminationData } from './determination-document.util';
import type { LegalCaseRow } from './legal-cases.repository';

const SANTIAGO = 'America/Santiago';

function legalCase(changes: Partial<LegalCaseRow> = {}): LegalCaseRow {
  return {
    id: '41',
    accountId: '7',
    accountNumber: 'CL-0007',
    product: 'Tarjeta',
    originalAmountMinor: 1_000_000,
    dueDate: '2025-11-30',
    daysPastDue: 100,
    debtorName: 'Ana Rojas',
    nationalId: '12.345.678-5',
    timeZone: SANTIAGO,
    clientName: 'Banco Andino',
    portfolioName: 'Judicial 2026',
    stage: 'judicial',
    status: 'open',
    firmTeamId: '5',
    firmName: 'Estudio Pérez',
    openedAt: new Date('2026-03-02T13:00:00Z'),
    openedByName: 'Sofía Supervisor',
    lawsuitServedAt: null,
    court: null,
    caseNumber: null,
    closedAt: null,
    lastActionAt: null,
    currency: 'CLP',
    // Handed over owing 1 250 000: 180 000 interest, 70 000 fees, so 1 000 000 principal.
    opening: {
      principalMinor: 1_000_000,
      interestMinor: 180_000,
      feesMinor: 70_000,
      balanceMinor: 1_250_000,
    },
    // Since then 50 000 was paid, all to interest: 1 200 000 owed, 130 000 of it interest.
    balanceMinor: 1_200_000,
    interestMinor: 130_000,
    feesMinor: 70_000,
    ...changes,
  };
}

function data(changes: Partial<DeterminationData> = {}): DeterminationData {
  return {
    legalCase: legalCase(),
    payments: [
      {
        paidAt: new Date('2026-03-05T15:00:00Z'),
        amountMinor: 30_000,
        channel: 'bank',
        status: 'applied',
        reference: 'B-1',
      },
      {
        paidAt: new Date('2026-03-06T15:00:00Z'),
        amountMinor: 10_000,
        channel: 'cashier',
        status: 'reversed',
        reference: 'C-9',
      },
      {
        paidAt: new Date('2026-03-07T15:00:00Z'),
        amountMinor: 20_000,
        channel: 'gateway',
        status: 'applied',
        reference: 'G-3',
      },
    ],
    agreements: [],
    interactions: [
      {
        at: new Date('2026-02-20T14:30:00Z'),
        channel: 'voice',
        direction: 'outbound',
        outcome: 'human',
        dispositionEs: 'Promesa de pago',
        dispositionEn: 'Promise to pay',
        agentName: 'Luis',
        notes: 'Dice   que\npaga el viernes',
      },
      {
        at: new Date('2026-02-21T14:30:00Z'),
        channel: 'sms',
        direction: 'outbound',
        outcome: 'failed',
        dispositionEs: null,
        dispositionEn: null,
        agentName: null,
        notes: null,
      },
    ],
    interactionTotal: 2,
    actions: [],
    generatedAt: new Date('2026-03-10T13:00:00Z'),
    generatedBy: 'Marta Abogada',
    ...changes,
  };
}

const clp = (amountMinor: number, locale: 'es' | 'en') =>
  formatMoney({ amountMinor, currency: 'CLP' }, locale);

describe('determinationDocument', () => {
  it('splits the debt into principal, interest and fees, when handed over and now', () => {
    const debt = determinationDocument(data(), 'es').sections.find((s) => s.heading === 'Deuda')!;
    expect(debt.table!.rows).toEqual([
      ['Capital', clp(1_000_000, 'es'), clp(1_000_000, 'es')],
      ['Intereses de mora', clp(180_000, 'es'), clp(130_000, 'es')],
      ['Honorarios y gastos de cobranza', clp(70_000, 'es'), clp(70_000, 'es')],
      ['Total adeudado', clp(1_250_000, 'es'), clp(1_200_000, 'es')],
    ]);
    // Opened 2 March 10:00 in Santiago (UTC−3 in March).
    expect(debt.table!.columns[1]).toBe('Al pasar a etapa legal (2026-03-02)');
  });

  it('lists every payment and totals only the applied ones', () => {
    const payments = determinationDocument(data(), 'en').sections.find((s) => s.heading === 'Payments')!;
    expect(payments.table!.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Bank', 'B-1', 'Applied'],
      ['Cashier', 'C-9', 'Reversed'],
      ['Payment gateway', 'G-3', 'Applied'],
    ]);
    // 30 000 + 20 000; the reversed 10 000 does not count.
    expect(payments.table!.note).toBe(`Total paid (applied): ${clp(50_000, 'en')}`);
  });

  it("writes the history on the debtor's clock, with the disposition in the reader's language", () => {
    const history = determinationDocument(data(), 'en').sections.find(
      (s) => s.heading === 'Collection history',
    )!;
    expect(history.table!.rows).toEqual([
      ['2026-02-20 11:30', 'Call', 'Promise to pay', 'Luis', 'Dice que paga el viernes'],
      ['2026-02-21 11:30', 'SMS', 'Failed', '—', ''],
    ]);
    expect(history.table!.note).toBeUndefined();
    const shortened = determinationDocument(data({ interactionTotal: 502 }), 'es');
    expect(shortened.sections.find((s) => s.heading === 'Historial de gestiones')!.table!.note).toBe(
      'Se muestran las 2 gestiones más recientes.',
    );
  });

  it('shows the case as the firm left it: served date, court and its log', () => {
    const served = data({
      legalCase: legalCase({
        lawsuitServedAt: new Date('2026-03-09T18:15:00Z'),
        court: '3er Juzgado Civil de Santiago',
        caseNumber: 'C-1234-2026',
      }),
      actions: [
        {
          id: '1',
          kind: 'case_opened',
          at: new Date('2026-03-02T13:00:00Z'),
          byName: 'Sofía Supervisor',
          notes: null,
        },
        {
          id: '2',
          kind: 'lawsuit_served',
          at: new Date('2026-03-09T18:15:00Z'),
          byName: 'Marta Abogada',
          notes: 'Receptor judicial',
        },
      ],
    });
    const document = determinationDocument(served, 'es');
    expect(document.title).toBe('Determinación de deuda');
    expect(document.subtitle).toBe('Caso N.º 41 · Cobranza judicial');
    expect(document.sections[0].fields).toEqual([
      ['Etapa', 'Cobranza judicial'],
      ['Firma asignada', 'Estudio Pérez'],
      ['Paso a etapa legal', '2026-03-02 10:00'],
      ['Juzgado o tribunal', '3er Juzgado Civil de Santiago'],
      ['Rol / N.º de causa', 'C-1234-2026'],
      ['Demanda notificada', '2026-03-09 15:15'],
    ]);
    expect(document.sections.find((s) => s.heading === 'Actuaciones')!.table!.rows).toEqual([
      ['2026-03-02 10:00', 'Paso a etapa legal', 'Sofía Supervisor', ''],
      ['2026-03-09 15:15', 'Notificación de la demanda', 'Marta Abogada', 'Receptor judicial'],
    ]);
    expect(document.footer).toBe(
      'Generado el 2026-03-10 10:00 (America/Santiago) por Marta Abogada. Montos en CLP.',
    );
  });

  it('says when there is nothing to list', () => {
    const empty = determinationDocument(data({ payments: [], interactions: [], interactionTotal: 0 }), 'en');
    const payments = empty.sections.find((s) => s.heading === 'Payments')!.table!;
    expect(payments.rows).toEqual([]);
    expect(payments.empty).toBe('No payments recorded.');
    expect(payments.note).toBeUndefined();
    expect(empty.sections.find((s) => s.heading === 'Payment agreements')!.table!.empty).toBe(
      'No agreements recorded.',
    );
  });

  it('formats an instant on a wall clock across a DST change', () => {
    // Santiago leaves DST on 5 April 2026: 12:00Z is 09:00 before and 08:00 after.
    expect(localDateTime(new Date('2026-04-04T12:00:00Z'), SANTIAGO)).toBe('2026-04-04 09:00');
    expect(localDateTime(new Date('2026-04-06T12:00:00Z'), SANTIAGO)).toBe('2026-04-06 08:00');
  });
});
