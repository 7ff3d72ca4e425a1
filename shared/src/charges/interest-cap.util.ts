import { RATE_SCALE, type CapBasis } from './charge-rules.constant';

const SCALE = BigInt(RATE_SCALE);

/**
 * A jurisdiction's cap as the monthly rate (ppm) interest may not exceed, rounded down so that
 * clipping to it never charges above the law. An annual effective rate (Colombia's "tasa de usura")
 * becomes the monthly rate that compounds to it: the largest m with (1 + m)^12 ≤ 1 + r, found with
 * integers, so the stored cap is exact and the same on every machine; a nominal annual rate is
 * divided by 12.
 */
export function monthlyCapPpm(basis: CapBasis, ratePpm: number): number {
  if (!Number.isSafeInteger(ratePpm) || ratePpm < 0) throw new RangeError('rate must be a whole ppm ≥ 0');
  switch (basis) {
    case 'monthly':
      return ratePpm;
    case 'annual_nominal':
      return Math.floor(ratePpm / 12);
    case 'annual_effective': {
      // (S + m)^12 ≤ (S + r) · S^11, with S the scale: no fractions, no floating point.
      const bound = (SCALE + BigInt(ratePpm)) * SCALE ** 11n;
      let low = 0;
      let high = ratePpm;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if ((SCALE + BigInt(mid)) ** 12n <= bound) low = mid;
        else high = mid - 1;
      }
      return low;
    }
  }
}
