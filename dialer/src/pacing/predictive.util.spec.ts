import { PacingSnapshotFactory, UNIFORM_4_TO_14_S } from './pacing-snapshot.factory';
import { answerProbability, inFlightAnswerProbability, predictiveTerms } from './predictive.util';

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
