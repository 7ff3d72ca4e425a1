import type { AccountOwed } from '../payments/payment-application.util';

/**
 * What an agreement's waiver forgives, component by component: late interest first, then
 * collection fees, and only what is left of the waiver from principal (a plan's amount is the
 * balance less the waiver, so the whole waiver must come off). Never more than is owed.
 */
export function splitWaiver(waiverMinor: number, owed: AccountOwed): AccountOwed {
  let left = Math.max(0, waiverMinor);
  const take = (owedMinor: number): number => {
    const taken = Math.min(left, Math.max(0, owedMinor));
    left -= taken;
    return taken;
  };
  const interestMinor = take(owed.interestMinor);
  const feesMinor = take(owed.feesMinor);
  const principalMinor = take(owed.principalMinor);
  return { interestMinor, feesMinor, principalMinor };
}
