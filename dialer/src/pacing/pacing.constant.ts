export const PACING_DEFAULTS = {
  /** τ in DESIGN.md §4: about the time a new dial takes to be answered. */
  horizonMs: 10_000,
  /** Below this many person-answered calls p and A are too noisy to dial ahead on. */
  minAnsweredSamples: 30,
  /**
   * z: how many standard deviations of the answers still to come the predictive rule keeps in
   * hand besides c. 1 lowered the abandon rate at the same talk time on every benchmark floor and
   * kept a 10-agent floor's worst hour under 5 % (dialer.bench.ts).
   */
  answerSpreadMargin: 1,
  /** A person left this long without an agent is abandoned (DESIGN.md §4). */
  abandonAfterMs: 2_000,
  /** A calls-per-second limit is enforced over a sliding window of this length. */
  cpsWindowMs: 1_000,
} as const;
