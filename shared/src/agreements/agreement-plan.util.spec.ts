import {
  AgreementError,
  DEFAULT_AGREEMENT_RULES,
  planAgreement,
  type AgreementPlanRequest,
} from './agreement-plan.util';

const RULES = { ...DEFAULT_AGREEMENT_RULES, waiverLimitBp: 1_000 };
const BASE: AgreementPlanRequest = {
  balanceMinor: 1_000_000,
  waiverMinor: 0,
  downPaymentMinor: 100_000,
  installments: 3,
  frequency: 'monthly',
  firstDueDate: '2026-12-31',
  startDate: '2026-12-02',
};

describe(planAgreement.name, () => {
  it('cuts the financed amount in equal installments and gives the remainder to the last', () => {
    // 1,000,000 − 100,000 down = 900,000 financed… with 7 installments: 128,571 × 6 = 771,426; last 128,574.
    const result = planAgreement({ ...BASE, installments: 7 }, RULES);
    if (!result.ok) throw new Error('expected a plan');
    const amounts = result.plan.installments.map((i) => i.amountMinor);
    expect(amounts).toEqual([100_000, 128_571, 128_571, 128_571, 128_571, 128_571, 128_571, 128_574]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(result.plan.settlesInFull).toBe(true);
  });

  it('puts the down payment on the day of the agreement and monthly dates on the same day, clamped', () => {
    // 31 Dec → 31 Jan → 28 Feb (2027 is not a leap year).
    const result = planAgreement(BASE, RULES);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.installments.map((i) => [i.seq, i.dueDate])).toEqual([
      [0, '2026-12-02'],
      [1, '2026-12-31'],
      [2, '2027-01-31'],
      [3, '2027-02-28'],
    ]);
  });

  it('steps weekly and fortnightly plans by 7 and 14 days', () => {
    const weekly = planAgreement({ ...BASE, frequency: 'weekly', firstDueDate: '2026-12-09' }, RULES);
    const biweekly = planAgreement({ ...BASE, frequency: 'biweekly', firstDueDate: '2026-12-09' }, RULES);
    if (!weekly.ok || !biweekly.ok) throw new Error('expected plans');
    expect(weekly.plan.installments.slice(1).map((i) => i.dueDate)).toEqual([
      '2026-12-09',
      '2026-12-16',
      '2026-12-23',
    ]);
    expect(biweekly.plan.installments.slice(1).map((i) => i.dueDate)).toEqual([
      '2026-12-09',
      '2026-12-23',
      '2027-01-06',
    ]);
  });

  it('asks for approval when the waiver is beyond the proposer’s limit, not at it', () => {
    // 10 % of 1,000,000 is 100,000: exactly at the limit is fine, one minor unit more is not.
    const at = planAgreement({ ...BASE, waiverMinor: 100_000 }, RULES);
    const over = planAgreement({ ...BASE, waiverMinor: 100_001 }, RULES);
    if (!at.ok || !over.ok) throw new Error('expected plans');
    expect(at.plan.requiresApproval).toBe(false);
    expect(over.plan.requiresApproval).toBe(true);
    expect(at.plan.totalMinor).toBe(900_000);
  });

  it('marks a plan for less than the balance as a partial payment', () => {
    const result = planAgreement({ ...BASE, totalMinor: 600_000 }, RULES);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.settlesInFull).toBe(false);
    expect(result.plan.installments.reduce((a, i) => a + i.amountMinor, 0)).toBe(600_000);
  });

  it('enforces a client’s minimum down payment (a utility’s 20 %)', () => {
    const rules = { ...RULES, minDownPaymentBp: 2_000 };
    expect(planAgreement({ ...BASE, downPaymentMinor: 199_999 }, rules)).toEqual({
      ok: false,
      problems: [AgreementError.DownPaymentTooSmall],
    });
    expect(planAgreement({ ...BASE, downPaymentMinor: 200_000 }, rules).ok).toBe(true);
  });

  it('reports every broken rule at once', () => {
    const result = planAgreement(
      { ...BASE, waiverMinor: 2_000_000, installments: 0, firstDueDate: '2026-11-30', downPaymentMinor: -1 },
      RULES,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        AgreementError.WaiverExceedsBalance,
        AgreementError.TotalOutOfRange,
        AgreementError.DownPaymentTooLarge,
        AgreementError.InstallmentsOutOfRange,
        AgreementError.FirstDueDateInvalid,
      ],
    });
  });

  it('refuses installments smaller than one minor unit', () => {
    // 100,010 − 100,000 down leaves 10 minor units for 24 installments.
    expect(planAgreement({ ...BASE, balanceMinor: 100_010, installments: 24 }, RULES)).toEqual({
      ok: false,
      problems: [AgreementError.InstallmentTooSmall],
    });
  });
});
