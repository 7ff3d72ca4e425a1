import { splitWaiver } from './waiver.util';

// 30 000 interest, 20 000 fees, 950 000 principal.
const owed = { interestMinor: 30_000, feesMinor: 20_000, principalMinor: 950_000 };

describe('Agreement waivers', () => {
  it('forgives interest first, then fees', () => {
    // 40 000: all 30 000 of interest, 10 000 of fees.
    expect(splitWaiver(40_000, owed)).toEqual({
      interestMinor: 30_000,
      feesMinor: 10_000,
      principalMinor: 0,
    });
  });

  it('takes what interest and fees cannot cover from principal', () => {
    // 60 000: 30 000 + 20 000, and 10 000 of principal.
    expect(splitWaiver(60_000, owed)).toEqual({
      interestMinor: 30_000,
      feesMinor: 20_000,
      principalMinor: 10_000,
    });
  });

  it('never forgives more than is owed, nor anything for no waiver', () => {
    expect(splitWaiver(5_000_000, owed)).toEqual(owed);
    expect(splitWaiver(0, owed)).toEqual({ interestMinor: 0, feesMinor: 0, principalMinor: 0 });
  });
});
