import {
  feeBaseOf,
  feeDue,
  feePeriodKey,
  trancheFee,
  validateTranches,
  type FeeTranche,
} from './collection-fees.util';

// Chile, art. 37 Ley 19.496, with the UF at 39 500 pesos: 10 UF = 395 000, 50 UF = 1 975 000.
const CHILE: FeeTranche[] = [
  { lowerMinor: 0, upperMinor: 395_000, ratePpm: 90_000 },
  { lowerMinor: 395_000, upperMinor: 1_975_000, ratePpm: 60_000 },
  { lowerMinor: 1_975_000, upperMinor: null, ratePpm: 30_000 },
];

describe('Collection fees by tranche', () => {
  it('charges the first tranche rate on a small debt', () => {
    // 9 % of 300 000 = 27 000.
    expect(trancheFee(300_000, CHILE)).toBe(27_000);
  });

  it('splits a debt spanning two tranches', () => {
    // 9 % of 395 000 = 35 550, plus 6 % of the 605 000 above it = 36 300: 71 850.
    expect(trancheFee(1_000_000, CHILE)).toBe(71_850);
    // One peso more adds 0.06: 71 850.06, rounded down once at the end.
    expect(trancheFee(1_000_001, CHILE)).toBe(71_850);
  });

  it('splits a debt spanning three tranches', () => {
    // 35 550 + 6 % of 1 580 000 (94 800) + 3 % of the 1 025 000 above 50 UF (30 750) = 161 100.
    expect(trancheFee(3_000_000, CHILE)).toBe(161_100);
  });

  it('rounds the exact sum down once, not each tranche', () => {
    // 395 017: 35 550 + 6 % of 17 (1.02) = 35 551.02 → 35 551.
    // Two tranches of 50 % on a debt of 6: 1.5 + 1.5 = 3 exactly, where rounding each tranche
    // down would give 1 + 1 = 2.
    expect(trancheFee(395_017, CHILE)).toBe(35_551);
    const halves: FeeTranche[] = [
      { lowerMinor: 0, upperMinor: 3, ratePpm: 500_000 },
      { lowerMinor: 3, upperMinor: null, ratePpm: 500_000 },
    ];
    expect(trancheFee(6, halves)).toBe(3);
  });

  it('charges nothing on nothing', () => {
    expect(trancheFee(0, CHILE)).toBe(0);
    expect(trancheFee(1_000_000, [])).toBe(0);
  });

  it('charges on principal and interest, never on fees already charged', () => {
    expect(feeBaseOf({ balanceMinor: 1_100_000, feesMinor: 40_000 })).toBe(1_060_000);
  });

  it('is due once the account is past the rule’s days, once per period', () => {
    const account = {
      status: 'active' as const,
      dueDate: '2026-11-01',
      daysPastDue: 0,
      createdOn: '2026-10-01',
      balanceMinor: 1_000_000,
      interestMinor: 0,
      feesMinor: 0,
    };
    // 20 days past due on the 21st: not yet past 20; the 22nd is.
    expect(feeDue(account, 20, '2026-11-21')).toBe(false);
    expect(feeDue(account, 20, '2026-11-22')).toBe(true);
    expect(feeDue({ ...account, status: 'written_off' }, 20, '2026-11-22')).toBe(false);
    expect(feePeriodKey('monthly', '2026-11-22')).toBe('2026-11');
    expect(feePeriodKey('once', '2026-11-22')).toBe('once');
  });

  it('accepts contiguous tranches from zero to open-ended, and names what is wrong otherwise', () => {
    expect(validateTranches(CHILE)).toEqual([]);
    expect(validateTranches([])).toEqual(['empty']);
    expect(validateTranches([{ lowerMinor: 10, upperMinor: null, ratePpm: 1 }])).toEqual(['first_not_zero']);
    expect(
      validateTranches([
        { lowerMinor: 0, upperMinor: 100, ratePpm: 1 },
        { lowerMinor: 120, upperMinor: 120, ratePpm: 2_000_000 },
      ]),
    ).toEqual(['rate_out_of_range', 'empty_tranche', 'gap_or_overlap', 'last_bounded']);
    expect(validateTranches([{ lowerMinor: 0, upperMinor: null, ratePpm: 0.5 }])).toEqual(['not_whole']);
  });
});
