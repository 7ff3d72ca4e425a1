export const PACING_DEFAULTS = {
  /** τ in DESIGN.md §4: about the time a new dial takes to be answered. */
  horizonMs: 10_000,
  /** Below this many person-answered calls p and A are too noisy to dial ahead on. */
  minAnsweredSamples: 30,
  /** A calls-per-second limit is enforced over a sliding window of this length. */
  cpsWindowMs: 1_000,
} as const;
