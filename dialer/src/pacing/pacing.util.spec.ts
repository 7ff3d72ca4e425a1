import { PacingSnapshotFactory } from './pacing-snapshot.factory';
import { decideDials } from './pacing.util';

const NOW = 1_700_000_000_000;

/** The hand-computed floor of predictive.util.spec.ts: the formula asks for 14 dials. */
function floorAskingFor14(): PacingSnapshotFactory {
  return PacingSnapshotFactory.at(NOW)
    .free(3)
    .waiting(1)
    .inWrap(22_000, 25_000, 10_000)
    .talking(60_000, 100_000, 150_000, 170_000)
    .ringing(0, 0, 9_000, 14_000)
    .offset(-0.5);
}

describe(decideDials.name, () => {
  it('dials what the predictive formula asks when no limit binds, and explains it', () => {
    const decision = decideDials(floorAskingFor14().build(), NOW);
    expect(decision.dials).toBe(14);
    expect(decision.explanation).toMatchObject({
      reason: 'predictive',
      freeAgents: 3,
      answeredWaiting: 1,
      offset: -0.5,
      requestedDials: 14,
      limitedBy: null,
    });
    expect(decision.explanation.expectedWrapFrees).toBeCloseTo(2);
    expect(decision.explanation.expectedAnswersInFlight).toBeCloseTo(0.4 + 1 / 9);
    expect(decision.explanation.answerProbability).toBeCloseTo(0.2);
  });

  it('ramps up at one line per free agent until enough answered calls are measured', () => {
    const snapshot = PacingSnapshotFactory.at(NOW)
      .free(5)
      .waiting(1)
      .ringing(1_000, 2_000)
      .statistics({ completedDials: 100, personAnswers: 29 })
      .build();
    const decision = decideDials(snapshot, NOW);
    // 1 × (5 free − 1 waiting) − 2 ringing = 2
    expect(decision.dials).toBe(2);
    expect(decision.explanation.reason).toBe('ramp-up');
  });

  it('leaves ramp-up once the minimum of answered calls is reached', () => {
    const snapshot = PacingSnapshotFactory.at(NOW)
      .free(5)
      .statistics({ completedDials: 150, personAnswers: 30 })
      .build();
    // ⌊5 / 0.2⌋ = 25
    expect(decideDials(snapshot, NOW)).toMatchObject({ dials: 25, explanation: { reason: 'predictive' } });
  });

  it('still gives a free agent without a live line one dial when c asks for none, and says why', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).free(1).talking(30_000, 40_000).offset(-2).build();
    // (1 − 2) / 0.2 < 0; one line for one free agent cannot be abandoned.
    expect(decideDials(snapshot, NOW)).toMatchObject({
      dials: 1,
      explanation: { reason: 'predictive', sureDials: 1, requestedDials: 1 },
    });
  });

  it('keeps the progressive ratio of lines per free agent', () => {
    const snapshot = PacingSnapshotFactory.at(NOW)
      .free(3)
      .talking(10_000)
      .ringing(0, 0, 0, 0)
      .settings({ mode: 'progressive', linesPerAgent: 2.5 })
      .build();
    // ⌊2.5 × 3⌋ − 4 ringing = 3
    expect(decideDials(snapshot, NOW)).toMatchObject({ dials: 3, explanation: { reason: 'progressive' } });
  });

  it('never dials ahead of agents in preview or manual mode', () => {
    for (const mode of ['preview', 'manual'] as const) {
      const snapshot = PacingSnapshotFactory.at(NOW).free(10).settings({ mode }).build();
      expect(decideDials(snapshot, NOW)).toMatchObject({ dials: 0, explanation: { reason: mode } });
    }
  });

  it('dials nothing when no agent is logged in to the campaign', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).offset(3).build();
    expect(decideDials(snapshot, NOW)).toMatchObject({ dials: 0, explanation: { reason: 'no-agents' } });
  });

  it('keeps dials in flight under the lines-per-agent ceiling', () => {
    const snapshot = floorAskingFor14().settings({ maxLinesPerAgent: 1.5 }).build();
    // 10 staffed agents × 1.5 = 15 lines − 4 ringing = 11
    expect(decideDials(snapshot, NOW)).toMatchObject({
      dials: 11,
      explanation: { requestedDials: 14, limitedBy: 'lines-per-agent' },
    });
  });

  it("keeps ringing and connected calls under the carrier's concurrent-line limit", () => {
    const snapshot = floorAskingFor14().settings({ concurrentLineLimit: 20 }).otherLines(3).build();
    // 20 − (4 ringing + 1 waiting + 4 talking + 3 other campaigns) = 8
    expect(decideDials(snapshot, NOW)).toMatchObject({
      dials: 8,
      explanation: { limitedBy: 'concurrent-lines' },
    });
  });

  it("keeps to the carrier's calls-per-second limit", () => {
    const snapshot = floorAskingFor14()
      .settings({ callsPerSecondLimit: 5 })
      .dialledAgo(200, 900, 1_000, 1_500)
      .build();
    // 2 dials in the last second (200 and 900 ms ago) → 5 − 2 = 3
    expect(decideDials(snapshot, NOW)).toMatchObject({
      dials: 3,
      explanation: { limitedBy: 'calls-per-second' },
    });
  });

  it('names the tightest limit when several bind', () => {
    const snapshot = floorAskingFor14()
      .settings({ maxLinesPerAgent: 1.5, concurrentLineLimit: 20, callsPerSecondLimit: 1 })
      .build();
    expect(decideDials(snapshot, NOW)).toMatchObject({
      dials: 1,
      explanation: { limitedBy: 'calls-per-second' },
    });
  });

  it('judges elapsed times against the injected clock', () => {
    const snapshot = PacingSnapshotFactory.at(NOW).inWrap(15_000).build();
    // At NOW the wrap-up has 15 s left (0 dials); 6 s later it has 9 s left → ⌊1 / 0.2⌋ = 5.
    expect(decideDials(snapshot, NOW).dials).toBe(0);
    expect(decideDials(snapshot, NOW + 6_000).dials).toBe(5);
  });
});
