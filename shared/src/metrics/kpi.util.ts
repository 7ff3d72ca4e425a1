/**
 * The KPI formulas of DESIGN.md §3, one function each, on counts and integer minor units already
 * gathered for a scope and period. A ratio with nothing to divide by is null ("no data"), never 0:
 * a team that made no attempts has no contact rate, which is not the same as a contact rate of 0 %.
 */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Recorrido: accounts of the scope with ≥ 1 attempt in P ÷ accounts assigned to the scope during P. */
export function sweepRate(accountsAttempted: number, accountsAssigned: number): number | null {
  return ratio(accountsAttempted, accountsAssigned);
}

/** Contacted sweep: accounts with ≥ 1 right-party contact in P ÷ accounts assigned during P. */
export function contactedSweepRate(accountsWithRpc: number, accountsAssigned: number): number | null {
  return ratio(accountsWithRpc, accountsAssigned);
}

/** Attempts answered by a person ÷ attempts. */
export function contactRate(humanAnswered: number, attempts: number): number | null {
  return ratio(humanAnswered, attempts);
}

/** Attempts dispositioned as a right-party contact ÷ attempts. */
export function rpcRate(rightPartyContacts: number, attempts: number): number | null {
  return ratio(rightPartyContacts, attempts);
}

/** Promise rate (PTP): agreements created ÷ right-party contacts. */
export function promiseRate(agreements: number, rightPartyContacts: number): number | null {
  return ratio(agreements, rightPartyContacts);
}

/** Installments due in P paid in full by their due date + grace days ÷ installments due in P. */
export function keptRate(keptInstallments: number, installmentsDue: number): number | null {
  return ratio(keptInstallments, installmentsDue);
}

/** Recovered in P ÷ balance assigned at the start of P. */
export function recoveryRate(recoveredMinor: number, startBalanceMinor: number): number | null {
  return ratio(recoveredMinor, startBalanceMinor);
}

/** Recovered ÷ goal. */
export function goalAttainment(recoveredMinor: number, goalMinor: number | null): number | null {
  return goalMinor === null ? null : ratio(recoveredMinor, goalMinor);
}

/**
 * The run-rate to the period's end: what was recovered per business day so far, over every business
 * day of the period, against the goal. Before the first business day has passed there is no rate.
 */
export function projectedAttainment(
  recoveredMinor: number,
  goalMinor: number | null,
  businessDaysElapsed: number,
  businessDaysInPeriod: number,
): number | null {
  if (goalMinor === null || goalMinor <= 0 || businessDaysElapsed <= 0) return null;
  return ((recoveredMinor / businessDaysElapsed) * businessDaysInPeriod) / goalMinor;
}

/** Índice de morosidad: overdue balance ÷ total balance. */
export function delinquencyIndex(overdueBalanceMinor: number, totalBalanceMinor: number): number | null {
  return ratio(overdueBalanceMinor, totalBalanceMinor);
}

/** Occupancy: (talk + wrap) ÷ (logged − break), all in seconds. */
export function occupancy(
  talkSeconds: number,
  wrapSeconds: number,
  loggedSeconds: number,
  breakSeconds: number,
): number | null {
  return ratio(talkSeconds + wrapSeconds, loggedSeconds - breakSeconds);
}

/** This month against the previous one: +0.25 is 25 % more; null when there was nothing before. */
export function changeOverPrevious(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}
