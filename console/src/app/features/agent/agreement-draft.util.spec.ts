import { AgreementError } from '@recupera/shared';
import { MESSAGES_EN } from '../../core/i18n/messages-en.constant';
import { MESSAGES_ES } from '../../core/i18n/messages-es.constant';
import {
  agreementProblemKey,
  defaultDraft,
  localDateTime,
  localIsoDate,
  parseAmount,
  toPlanRequest,
} from './agreement-draft.util';

describe('agreement draft', () => {
  it('reads amounts in major units exactly, with a point or a comma for decimals', () => {
    expect(parseAmount('', 'MXN')).toBe(0);
    expect(parseAmount('  ', 'MXN')).toBe(0);
    expect(parseAmount('2500.50', 'MXN')).toBe(250_050);
    expect(parseAmount('2500,5', 'MXN')).toBe(250_050);
    expect(parseAmount('0.29', 'MXN')).toBe(29);
    expect(parseAmount('1 500', 'MXN')).toBe(150_000);
    expect(parseAmount('15000', 'CLP')).toBe(15_000);
  });

  it('refuses amounts it would have to guess at', () => {
    expect(parseAmount('1.234,50', 'MXN')).toBeNull();
    expect(parseAmount('1,000', 'MXN')).toBeNull();
    expect(parseAmount('12.345', 'MXN')).toBeNull();
    expect(parseAmount('15.5', 'CLP')).toBeNull();
    expect(parseAmount('-10', 'MXN')).toBeNull();
    expect(parseAmount('diez', 'MXN')).toBeNull();
  });

  it('starts with three monthly installments from a month ahead', () => {
    expect(defaultDraft('2026-01-31')).toEqual({
      downPayment: '',
      installments: '3',
      frequency: 'monthly',
      firstDueDate: '2026-02-28',
      waiver: '',
    });
  });

  it('turns the draft into the planner request, naming the fields that are not amounts', () => {
    const account = { balanceMinor: 1_250_050, currency: 'MXN' };
    const draft = { ...defaultDraft('2026-03-09'), downPayment: '2500.50', waiver: '100' };

    expect(toPlanRequest(draft, account, '2026-03-09')).toEqual({
      ok: true,
      request: {
        balanceMinor: 1_250_050,
        waiverMinor: 10_000,
        downPaymentMinor: 250_050,
        installments: 3,
        frequency: 'monthly',
        firstDueDate: '2026-04-09',
        startDate: '2026-03-09',
      },
    });
    expect(toPlanRequest({ ...draft, downPayment: 'x', waiver: '1,234.5' }, account, '2026-03-09')).toEqual({
      ok: false,
      invalid: ['downPayment', 'waiver'],
    });
    const fractional = toPlanRequest({ ...draft, installments: '2.5' }, account, '2026-03-09');
    expect(fractional.ok && fractional.request.installments).toBeNaN();
  });

  it('has words for every rule the planner can report, in both languages', () => {
    const keys = Object.values(AgreementError).map((problem) => agreementProblemKey(problem));
    expect(new Set(keys).size).toBe(Object.values(AgreementError).length);
    for (const key of keys) {
      expect(MESSAGES_ES[key]).toBeTruthy();
      expect(MESSAGES_EN[key]).toBeTruthy();
    }
  });

  it("writes the browser's local date and wall time", () => {
    const instant = new Date(2026, 2, 9, 7, 5);
    expect(localIsoDate(instant)).toBe('2026-03-09');
    expect(localDateTime(instant)).toBe('2026-03-09T07:05');
  });
});
