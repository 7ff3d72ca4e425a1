import { PacingSnapshotFactory, UNIFORM_4_TO_14_S } from './pacing-snapshot.factory';
import {
  answerProbability,
  dialsWithinMargin,
  inFlightAnswerProbability,
  predictiveTerms,
  sureDials,
} from './predictive.util';

const NOW = 1_700_000_000_000;

describe('predictive pacing', () => {
  it('measures p as person answers over completed dials', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).build();
    expect(answerProbability(snapshot.statistics)).toBeCloseTo(0.2);
    expect(answerProbability({ ...snapshot.statistics, completedDials: 0, personAnswers: 0 })).toBe(0);
  });

  it('lowers the chance of a person answering the longer a dial rings', () => {
    // p = 0.2, A uniform on [4, 14) s.
    // age 0: S_A = 1 → q = 0.2 / (0.2 + 0.8) = 0.2
    // age 9 s: S_A = 0.5 → q = 0.1 / (0.1 + 0.8) = 1/9
    // age 14 s: S_A = 0 → q = 0
    expect(inFlightAnswerProbability(0.2, UNIFORM_4_TO_14_S, 0)).toBeCloseTo(0.2);
    expect(inFlightAnswerProbability(0.2, UNIFORM_4_TO_14_S, 9_000)).toBeCloseTo(1 / 9);
    expect(inFlightAnswerProbability(0.2, UNIFORM_4_TO_14_S, 14_000)).toBe(0);
  });

  it('launches ⌊(F − Q + wrap frees + talk frees + c − answers in flight) / p⌋ dials', () => {
    const snapshot = PacingSnapshotFactory.at(NOW)
      .free(3)
      .waiting(1)
      .inWrap(22_000, 25_000, 10_000)
      .talking(60_000, 100_000, 150_000, 170_000)
      .ringing(0, 0, 9_000, 14_000)
      .offset(-0.5)
      .build();
    const terms = predictiveTerms(snapshot, NOW);
    // F − Q = 3 − 1 = 2
    // wrap (30 s): elapsed 22 s → 1, 25 s → 1, 10 s → 0        → 2
    // talk: a 30 s wrap-up cannot end within τ = 10 s           → 0
    // in flight: q(0) + q(0) + q(9 s) + q(14 s) = 0.2 + 0.2 + 1/9 + 0 = 0.5111
    // (2 + 2 + 0 − 0.5 − 0.5111) / 0.2 = 2.9889 / 0.2 = 14.94 → 14
    expect(terms.expectedWrapFrees).toBeCloseTo(2);
    expect(terms.expectedTalkFrees).toBe(0);
    expect(terms.expectedAnswersInFlight).toBeCloseTo(0.4 + 1 / 9);
    expect(terms.uncoveredAgents).toBeCloseTo(2.9889, 4);
    expect(terms.dials).toBe(14);
  });

  it('counts talking agents whose call and short wrap-up can both end within the horizon', () => {
    const snapshot = PacingSnapshotFactory.at(NOW)
      .talking(120_000)
      .inWrap(2_000)
      .offset(1)
      .statistics({
        completedDials: 40,
        personAnswers: 10,
        wrapTime: { bucketMs: 1_000, counts: [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0] },
      })
      .build();
    const terms = predictiveTerms(snapshot, NOW);
    // p = 10 / 40 = 0.25; wrap-ups ≈ 4.5 s (in [4, 5) s)
    // wrap: elapsed 2 s → ends within 10 s for sure                     → 1
    // talk uniform [0, 180) s, elapsed 120 s: call must end within 5.5 s → 5.5 / 60 = 0.0917
    // (0 − 0 + 1 + 0.0917 + 1 − 0) / 0.25 = 8.37 → 8
    expect(terms.expectedWrapFrees).toBeCloseTo(1);
    expect(terms.expectedTalkFrees).toBeCloseTo(5.5 / 60);
    expect(terms.dials).toBe(8);
  });

  it('never asks for a negative number of dials', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).free(1).ringing(0, 0, 0, 0, 0, 0, 0, 0).build();
    // 1 − 8 × 0.2 = −0.6 → 0
    expect(predictiveTerms(snapshot, NOW).dials).toBe(0);
  });

  it('counts a longer horizon of about-to-free agents when τ is raised', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).inWrap(15_000).settings({ horizonMs: 20_000 }).build();
    // elapsed 15 s of a 30 s wrap-up: within 10 s → 0, within 20 s → 1 → ⌊1 / 0.2⌋ = 5
    expect(predictiveTerms(snapshot, NOW).dials).toBe(5);
  });
});

describe('dials that cannot be abandoned', () => {
  it('gives every free agent without a live line one dial, whatever c says', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).free(2).talking(60_000).offset(-3).build();
    // (2 − 3) / 0.2 < 0, but two lines for two free agents cannot both lack an agent.
    expect(predictiveTerms(snapshot, NOW)).toMatchObject({ sureDials: 2, dials: 2 });
  });

  it('counts an agent sure to finish wrap-up before the fastest answer plus the 2 s grace', () => {
    // Answers take at least 4 s, so an agent free within 4 + 2 = 6 s is there for any answer.
    // 30 s wrap-ups (histogram bucket [30, 31) s): 25 s elapsed → done by 31 s ≤ 25 + 6; 20 s → not sure.
    const snapshot = PacingSnapshotFactory.at(NOW).free(1).inWrap(25_000, 20_000).offset(-5).build();
    expect(sureDials(snapshot, NOW)).toBe(2);
  });

  it('leaves out waiting calls and every line that may still reach a person', () => {
    // 3 free − 1 waiting − 2 live lines (0 and 13 s old) = 0; the 14 s old line can no longer
    // be answered (every answer came within 14 s), so it takes no agent.
    const snapshot = PacingSnapshotFactory.at(NOW).free(3).waiting(1).ringing(0, 13_000, 14_000).build();
    expect(sureDials(snapshot, NOW)).toBe(0);
    expect(sureDials({ ...snapshot, answeredWaiting: 0 }, NOW)).toBe(1);
  });
});

describe(dialsWithinMargin.name, () => {
  /** The most n with n·p + z·√(V + n·p(1 − p)) ≤ U, by counting. */
  function byCounting(uncovered: number, p: number, variance: number, z: number): number {
    let n = 0;
    while ((n + 1) * p + z * Math.sqrt(variance + (n + 1) * p * (1 - p)) <= uncovered + 1e-9) n++;
    return n;
  }

  it('is the plain ⌊uncovered / p⌋ without a margin', () => {
    expect(dialsWithinMargin(2.9889, 0.2, 0.42, 0)).toBe(14);
    expect(dialsWithinMargin(-0.5, 0.2, 0, 0)).toBe(0);
  });

  it('keeps z standard deviations of the answers to come in hand', () => {
    // The hand-computed floor above (U = 2.9889, V = 2 × 0.16 + (1/9)(8/9) = 0.4188) with z = 1:
    // n = 8 → 1.6 + √(0.4188 + 1.28) = 2.903 ≤ 2.9889; n = 9 → 1.8 + √1.8588 = 3.163 > 2.9889.
    expect(dialsWithinMargin(2.9889, 0.2, 0.4188, 1)).toBe(8);
    for (const [u, p, v, z] of [
      [1, 0.2, 0, 1],
      [5.5, 0.1, 3.2, 1],
      [0.3, 0.25, 0.1, 0.5],
      [12, 0.3, 6, 2],
    ]) {
      expect(dialsWithinMargin(u, p, v, z)).toBe(byCounting(u, p, v, z));
    }
  });

  it('applies the default margin of one standard deviation when the campaign sets none', () => {
    const snapshot = PacingSnapshotFactory.at(NOW)
      .free(3)
      .waiting(1)
      .inWrap(22_000, 25_000, 10_000)
      .talking(60_000, 100_000, 150_000, 170_000)
      .ringing(0, 0, 9_000, 14_000)
      .offset(-0.5)
      .settings({ answerSpreadMargin: undefined })
      .build();
    expect(predictiveTerms(snapshot, NOW).dials).toBe(8);
  });
});
